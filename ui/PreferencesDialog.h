// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QFont>

class QComboBox;
class QFontComboBox;
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

    /// Largest feed response accepted over the network (MiB); local files have no limit.
    static constexpr int kDefaultMaxResponseMiB = 32;
    static constexpr int kMaxMaxResponseMiB = 1024;

    static constexpr int kMinReaderFontSize = 6;
    static constexpr int kMaxReaderFontSize = 72;

    enum class Theme
    {
        System,
        Light,
        Dark,
    };

    int refreshIntervalMinutes = kDefaultRefreshIntervalMinutes; ///< Refresh all every N minutes; 0 = off
    int maxResponseMiB = kDefaultMaxResponseMiB; ///< the fetcher refuses larger responses
    QString readerFontFamily; ///< empty = the system's font
    int readerFontSize = 0; ///< points; 0 = the system's size
    Theme theme = Theme::System;
    QString language; ///< "en", "nl"; empty = the system's language. Read at start-up.

    /// base with the reader font family and size applied where they are set.
    QFont readerFont(const QFont& base) const;

    static Preferences load(const QSettings& settings);
    void save(QSettings& settings) const;

    bool operator==(const Preferences&) const = default;
};

/// Switches the application between the system's colours and a light or dark palette.
void applyTheme(Preferences::Theme theme);

/// Edits Preferences in a form (one row per setting, grouped). Accepting writes them to the settings.
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
    QSpinBox* m_maxResponse = nullptr;
    QFontComboBox* m_readerFontFamily = nullptr;
    bool m_readerFontIsSystem = true; ///< the font box shows the system's font, not a choice
    QSpinBox* m_readerFontSize = nullptr;
    QComboBox* m_theme = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace folio
