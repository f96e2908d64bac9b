// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreferencesDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPalette>
#include <QSettings>
#include <QSpinBox>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QVBoxLayout>

#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

const QString kRefreshIntervalKey = u"feeds/refreshIntervalMinutes"_s;
const QString kMaxResponseKey = u"feeds/maxResponseMiB"_s;
const QString kReaderFontFamilyKey = u"reader/fontFamily"_s;
const QString kReaderFontSizeKey = u"reader/fontSize"_s;
const QString kThemeKey = u"appearance/theme"_s;
const QString kLanguageKey = u"appearance/language"_s;

QString themeName(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::Light:
        return u"light"_s;
    case Preferences::Theme::Dark:
        return u"dark"_s;
    case Preferences::Theme::System:
        break;
    }
    return u"system"_s;
}

Preferences::Theme themeFromName(const QString& name)
{
    if (name == "light"_L1) {
        return Preferences::Theme::Light;
    }
    if (name == "dark"_L1) {
        return Preferences::Theme::Dark;
    }
    return Preferences::Theme::System;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::Midlight, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::Dark, QColor(0x19, 0x19, 0x19));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}
#endif

} // namespace

QFont Preferences::readerFont(const QFont& base) const
{
    QFont font = base;
    if (!readerFontFamily.isEmpty()) {
        font.setFamilies({readerFontFamily});
    }
    if (readerFontSize > 0) {
        font.setPointSize(readerFontSize);
    }
    return font;
}

void applyTheme(Preferences::Theme theme)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const Qt::ColorScheme scheme = theme == Preferences::Theme::Light ? Qt::ColorScheme::Light
        : theme == Preferences::Theme::Dark                           ? Qt::ColorScheme::Dark
                                                                      : Qt::ColorScheme::Unknown;
    QGuiApplication::styleHints()->setColorScheme(scheme);
#else
    // Before Qt 6.8 the colour scheme cannot be requested: Fusion with our own palette stands in.
    // The system's style and palette are kept from the first switch so "System" can restore them.
    static std::optional<std::pair<QString, QPalette>> system;
    if (theme == Preferences::Theme::System) {
        if (system) {
            QApplication::setStyle(system->first);
            QApplication::setPalette(system->second);
            system.reset();
        }
        return;
    }
    if (!system) {
        system.emplace(QApplication::style()->name(), QApplication::palette());
    }
    if (QApplication::style()->name().compare("fusion"_L1, Qt::CaseInsensitive) != 0) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    }
    QApplication::setPalette(theme == Preferences::Theme::Dark ? darkPalette()
                                                               : QApplication::style()->standardPalette());
#endif
}

Preferences Preferences::load(const QSettings& settings)
{
    Preferences p;
    bool ok = false;
    const int minutes = settings.value(kRefreshIntervalKey, kDefaultRefreshIntervalMinutes).toInt(&ok);
    p.refreshIntervalMinutes = ok ? qBound(0, minutes, kMaxRefreshIntervalMinutes) : kDefaultRefreshIntervalMinutes;
    const int mib = settings.value(kMaxResponseKey, kDefaultMaxResponseMiB).toInt(&ok);
    p.maxResponseMiB = ok ? qBound(1, mib, kMaxMaxResponseMiB) : kDefaultMaxResponseMiB;
    p.readerFontFamily = settings.value(kReaderFontFamilyKey).toString();
    const int size = settings.value(kReaderFontSizeKey, 0).toInt();
    p.readerFontSize = size >= kMinReaderFontSize && size <= kMaxReaderFontSize ? size : 0;
    p.theme = themeFromName(settings.value(kThemeKey).toString());
    const QString language = settings.value(kLanguageKey).toString();
    p.language = language == "en"_L1 || language == "nl"_L1 ? language : QString();
    return p;
}

void Preferences::save(QSettings& settings) const
{
    settings.setValue(kRefreshIntervalKey, refreshIntervalMinutes);
    settings.setValue(kMaxResponseKey, maxResponseMiB);
    settings.setValue(kReaderFontFamilyKey, readerFontFamily);
    settings.setValue(kReaderFontSizeKey, readerFontSize);
    settings.setValue(kThemeKey, themeName(theme));
    settings.setValue(kLanguageKey, language);
    settings.sync();
}

PreferencesDialog::PreferencesDialog(QSettings* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    auto* feeds = new QGroupBox(tr("Feeds"), this);
    m_form = new QFormLayout(feeds);
    m_refreshInterval = new QSpinBox(feeds);
    m_refreshInterval->setObjectName(u"refreshIntervalSpinBox"_s);
    m_refreshInterval->setRange(0, Preferences::kMaxRefreshIntervalMinutes);
    m_refreshInterval->setSingleStep(15);
    m_refreshInterval->setSuffix(tr(" min"));
    m_refreshInterval->setSpecialValueText(tr("Off"));
    m_refreshInterval->setToolTip(tr("Refresh all feeds this often while Folio runs (0 turns it off)."));
    m_form->addRow(tr("&Refresh feeds every:"), m_refreshInterval);
    m_maxResponse = new QSpinBox(feeds);
    m_maxResponse->setObjectName(u"maxResponseSpinBox"_s);
    m_maxResponse->setRange(1, Preferences::kMaxMaxResponseMiB);
    m_maxResponse->setSuffix(tr(" MiB"));
    m_maxResponse->setToolTip(tr("Feeds whose download is larger than this are refused. Files you import have no limit."));
    m_form->addRow(tr("&Largest feed download:"), m_maxResponse);

    auto* appearance = new QGroupBox(tr("Appearance"), this);
    auto* appearanceForm = new QFormLayout(appearance);
    m_readerFontFamily = new QFontComboBox(appearance);
    m_readerFontFamily->setObjectName(u"readerFontComboBox"_s);
    m_readerFontFamily->setToolTip(tr("The typeface of articles in the reader pane."));
    // The system font often has an alias name the box does not list: "no choice" is tracked apart.
    connect(m_readerFontFamily, &QFontComboBox::currentFontChanged, this, [this] { m_readerFontIsSystem = false; });
    appearanceForm->addRow(tr("Reader &font:"), m_readerFontFamily);
    m_readerFontSize = new QSpinBox(appearance);
    m_readerFontSize->setObjectName(u"readerFontSizeSpinBox"_s);
    // The lowest value stands for "the system's size" (stored as 0).
    m_readerFontSize->setRange(Preferences::kMinReaderFontSize - 1, Preferences::kMaxReaderFontSize);
    m_readerFontSize->setSpecialValueText(tr("System size"));
    m_readerFontSize->setSuffix(tr(" pt"));
    appearanceForm->addRow(tr("Reader font &size:"), m_readerFontSize);
    m_theme = new QComboBox(appearance);
    m_theme->setObjectName(u"themeComboBox"_s);
    m_theme->addItem(tr("System"), static_cast<int>(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Preferences::Theme::Dark));
    appearanceForm->addRow(tr("&Theme:"), m_theme);
    m_language = new QComboBox(appearance);
    m_language->setObjectName(u"languageComboBox"_s);
    m_language->addItem(tr("System language"), QString());
    // Language names in their own language: whoever cannot read the current one still finds theirs.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Nederlands"_s, u"nl"_s);
    appearanceForm->addRow(tr("&Language:"), m_language);
    auto* languageNote = new QLabel(tr("A new language takes effect when Folio starts again."), appearance);
    languageNote->setObjectName(u"languageNoteLabel"_s);
    languageNote->setWordWrap(true);
    appearanceForm->addRow(QString(), languageNote);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"preferencesButtonBox"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(feeds);
    layout->addWidget(appearance);
    layout->addStretch(1);
    layout->addWidget(buttons);

    if (m_settings) {
        setPreferences(Preferences::load(*m_settings));
    }
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.refreshIntervalMinutes = m_refreshInterval->value();
    p.maxResponseMiB = m_maxResponse->value();
    // The system's font stays "the system's font" (empty) unless another family is chosen.
    const QString family = m_readerFontFamily->currentFont().family();
    p.readerFontFamily = m_readerFontIsSystem ? QString() : family;
    p.readerFontSize = m_readerFontSize->value() >= Preferences::kMinReaderFontSize ? m_readerFontSize->value() : 0;
    p.theme = static_cast<Preferences::Theme>(m_theme->currentData().toInt());
    p.language = m_language->currentData().toString();
    return p;
}

void PreferencesDialog::setPreferences(const Preferences& preferences)
{
    m_refreshInterval->setValue(preferences.refreshIntervalMinutes);
    m_maxResponse->setValue(preferences.maxResponseMiB);
    {
        const QSignalBlocker blocker(m_readerFontFamily);
        m_readerFontFamily->setCurrentFont(preferences.readerFont(QApplication::font()));
    }
    m_readerFontIsSystem = preferences.readerFontFamily.isEmpty();
    m_readerFontSize->setValue(preferences.readerFontSize > 0 ? preferences.readerFontSize
                                                              : m_readerFontSize->minimum());
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(static_cast<int>(preferences.theme))));
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences.language)));
}

void PreferencesDialog::accept()
{
    if (m_settings) {
        preferences().save(*m_settings);
    }
    QDialog::accept();
}

} // namespace folio
