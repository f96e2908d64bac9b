// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QFormLayout;
class QSettings;
class QSpinBox;

namespace folio {

/// The user's preferences as the profile's folio.ini keeps them. The only place that knows the
/// keys and defaults: the window and the dialog both go through load() and save().
struct Preferences
{
    static constexpr int kDefaultRefreshIntervalMinutes = 60;
    static constexpr int kMaxRefreshIntervalMinutes = 24 * 60;

    int refreshIntervalMinutes = kDefaultRefreshIntervalMinutes; ///< Refresh all every N minutes; 0 = off

    static Preferences load(const QSettings& settings);
    void save(QSettings& settings) const;

    bool operator==(const Preferences&) const = default;
};

/// Edits Preferences in a form (one row per setting; later settings — reader font, theme,
/// language — add rows here and fields in Preferences). Accepting writes them to the settings.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(QSettings* settings, QWidget* parent = nullptr);

    /// What the form shows now.
    Preferences preferences() const;
    void setPreferences(const Preferences& preferences);

    void accept() override;

private:
    QSettings* m_settings;
    QFormLayout* m_form = nullptr;
    QSpinBox* m_refreshInterval = nullptr;
};

} // namespace folio
