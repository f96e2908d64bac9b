// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace folio {

/// Text filter and date range (presets or from/to pickers) above the article list.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    enum Preset { AllTime, Today, Last7Days, Last30Days, ThisYear, Custom };

    explicit FilterBar(QWidget* parent = nullptr);

    /// Writes the text and date filters into query (other fields untouched).
    void applyTo(ArticleQuery& query) const;

    void setPreset(Preset preset);
    Preset preset() const;
    void setRange(const QDate& from, const QDate& to);
    void focusSearch();
    QLineEdit* searchLineEdit() const { return m_search; }

    /// Local-day bounds of a preset relative to today, as [from, to] inclusive dates.
    static std::pair<QDate, QDate> presetRange(Preset preset, const QDate& today);

Q_SIGNALS:
    void filterChanged();

private:
    void onPresetChanged();
    void onDatesEdited();

    QLineEdit* m_search = nullptr;
    QComboBox* m_presets = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QTimer m_textDelay;
    bool m_updating = false;
};

} // namespace folio
