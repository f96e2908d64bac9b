// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ArticleQuery.h"

#include <QDate>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace folio {

/// Text filter and date range (presets or from/to pickers) above the article list.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    enum Preset { AllTime, Today, Last7Days, Last30Days, ThisYear, Custom };

    explicit FilterBar(QWidget* parent = nullptr);

    /// Adds the search box (readable syntax, docs/search.md) and the date filters to query, which
    /// holds the sidebar's filter: tags add up, flags combine, a date range here wins. A search
    /// box that does not parse adds nothing; errorText() then says why. Switches the sort to
    /// Relevance when a text search starts and back to date when it ends.
    void applyTo(ArticleQuery& query) const;
    /// Why the search box's text could not be used, or empty.
    QString errorText() const { return m_error; }
    /// The date column the range applies to.
    ArticleQuery::DateField dateField() const;
    void setDateField(ArticleQuery::DateField field);

    void setPreset(Preset preset);
    Preset preset() const;
    void setRange(const QDate& from, const QDate& to);
    void focusSearch();
    /// Ticks "Undated" (the way out of an empty dated list).
    void setIncludeUndated(bool on);
    /// Empties the search box and goes back to All time.
    void clear();
    QLineEdit* searchLineEdit() const { return m_search; }

    /// Local-day bounds of a preset relative to today, as [from, to] inclusive dates.
    static std::pair<QDate, QDate> presetRange(Preset preset, const QDate& today);

Q_SIGNALS:
    void filterChanged();
    /// The search box's text is not a valid query (message), or valid again (empty message).
    void searchError(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void onPresetChanged();
    void onDatesEdited();

    QLineEdit* m_search = nullptr;
    QComboBox* m_presets = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_dateField = nullptr;
    QCheckBox* m_undated = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLabel* m_toLabel = nullptr;
    mutable QString m_error;
    mutable bool m_wasSearching = false;
    QTimer m_textDelay;
    bool m_updating = false;
    bool m_undatedChoice = false; ///< the box as the user left it, while All time shows it ticked
    void syncUndatedBox();
};

} // namespace folio
