// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "ReaderPane.h"
#include "net/FeedFetcher.h"
#include "storage/Library.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A family the font database has that differs from the application font.
    static QString otherFamily()
    {
        const QStringList families = QFontDatabase::families();
        for (const QString& family : families) {
            if (family != QApplication::font().family() && !QFontDatabase::isPrivateFamily(family)) {
                return family;
            }
        }
        return {};
    }

private Q_SLOTS:
    void defaultsWhenNothingIsStored()
    {
        const QSettings settings(m_dir.filePath(u"empty.ini"_s), QSettings::IniFormat);
        const Preferences p = Preferences::load(settings);
        QCOMPARE(p, Preferences{});
        QCOMPARE(p.theme, Preferences::Theme::System);
        QVERIFY(p.language.isEmpty());
        QCOMPARE(p.readerFontSize, 0);
    }

    void settingsRoundTrip()
    {
        QSettings settings(m_dir.filePath(u"roundtrip.ini"_s), QSettings::IniFormat);
        Preferences p;
        p.refreshIntervalMinutes = 30;
        p.maxResponseMiB = 200;
        p.readerFontFamily = u"Serif"_s;
        p.readerFontSize = 15;
        p.theme = Preferences::Theme::Dark;
        p.language = u"nl"_s;
        p.save(settings);
        QCOMPARE(Preferences::load(QSettings(m_dir.filePath(u"roundtrip.ini"_s), QSettings::IniFormat)), p);
    }

    void invalidValuesFallBackToDefaults()
    {
        QSettings settings(m_dir.filePath(u"invalid.ini"_s), QSettings::IniFormat);
        settings.setValue(u"reader/fontSize"_s, 500);
        settings.setValue(u"appearance/theme"_s, u"neon"_s);
        settings.setValue(u"appearance/language"_s, u"xx"_s);
        settings.setValue(u"feeds/maxResponseMiB"_s, u"lots"_s);
        const Preferences p = Preferences::load(settings);
        QCOMPARE(p.maxResponseMiB, Preferences::kDefaultMaxResponseMiB);
        QCOMPARE(p.readerFontSize, 0);
        QCOMPARE(p.theme, Preferences::Theme::System);
        QVERIFY(p.language.isEmpty());
    }

    void dialogShowsAndReturnsThePreferences()
    {
        Preferences p;
        p.refreshIntervalMinutes = 120;
        p.maxResponseMiB = 64;
        p.readerFontFamily = otherFamily();
        p.readerFontSize = 18;
        p.theme = Preferences::Theme::Light;
        p.language = u"en"_s;
        PreferencesDialog dialog(nullptr);
        dialog.setPreferences(p);
        QCOMPARE(dialog.findChild<QSpinBox*>(u"readerFontSizeSpinBox"_s)->value(), 18);
        QCOMPARE(dialog.findChild<QSpinBox*>(u"maxResponseSpinBox"_s)->value(), 64);
        QCOMPARE(dialog.findChild<QComboBox*>(u"themeComboBox"_s)->currentData().toInt(),
                 static_cast<int>(Preferences::Theme::Light));
        QCOMPARE(dialog.preferences(), p);

        // The system font and size stay "the system's" (empty, 0).
        dialog.setPreferences(Preferences{});
        QCOMPARE(dialog.preferences(), Preferences{});
    }

    void acceptingWritesTheSettings()
    {
        const QString path = m_dir.filePath(u"dialog.ini"_s);
        QSettings settings(path, QSettings::IniFormat);
        PreferencesDialog dialog(&settings);
        dialog.findChild<QSpinBox*>(u"readerFontSizeSpinBox"_s)->setValue(13);
        auto* language = dialog.findChild<QComboBox*>(u"languageComboBox"_s);
        language->setCurrentIndex(language->findData(u"nl"_s));
        dialog.accept();
        const Preferences stored = Preferences::load(QSettings(path, QSettings::IniFormat));
        QCOMPARE(stored.readerFontSize, 13);
        QCOMPARE(stored.language, u"nl"_s);
    }

    void windowAppliesTheDownloadLimitToTheFetcher()
    {
        const QString profile = m_dir.filePath(u"limit-profile"_s);
        auto library = Library::open(profile);
        QVERIFY(library);
        QNetworkAccessManager network;
        library.value()->setNetworkAccessManager(&network);
        {
            QSettings settings(QDir(profile).filePath(u"folio.ini"_s), QSettings::IniFormat);
            Preferences p = Preferences::load(settings);
            p.maxResponseMiB = 3;
            p.save(settings);
        }
        {
            MainWindow window(library->get());
            QCOMPARE(library.value()->feedFetcher()->maxBodyBytes(), qint64(3) * 1024 * 1024);
            {
                QSettings settings(QDir(profile).filePath(u"folio.ini"_s), QSettings::IniFormat);
                Preferences p = Preferences::load(settings);
                p.maxResponseMiB = 100;
                p.save(settings);
            }
            window.applyPreferences();
            QCOMPARE(library.value()->feedFetcher()->maxBodyBytes(), qint64(100) * 1024 * 1024);
            library.value()->setNetworkAccessManager(nullptr);
            library.value()->waitForIdle();
        }
    }

    void windowAppliesTheReaderFont()
    {
        const QString profile = m_dir.filePath(u"profile"_s);
        auto library = Library::open(profile);
        QVERIFY2(library, library ? "" : qPrintable(library.error().toString()));
        const QString family = otherFamily();
        {
            QSettings settings(QDir(profile).filePath(u"folio.ini"_s), QSettings::IniFormat);
            Preferences p = Preferences::load(settings);
            p.readerFontFamily = family;
            p.readerFontSize = 21;
            p.save(settings);
        }
        {
            MainWindow window(library->get());
            auto* reader = window.findChild<ReaderPane*>(u"readerTextBrowser"_s);
            QVERIFY(reader);
            QCOMPARE(reader->document()->defaultFont().pointSize(), 21);
            if (!family.isEmpty()) {
                QCOMPARE(reader->document()->defaultFont().family(), family);
            }

            // Changing the preferences and applying them reaches the open reader.
            {
                QSettings settings(QDir(profile).filePath(u"folio.ini"_s), QSettings::IniFormat);
                Preferences p = Preferences::load(settings);
                p.readerFontSize = 11;
                p.save(settings);
            }
            window.applyPreferences();
            QCOMPARE(reader->document()->defaultFont().pointSize(), 11);
            library.value()->waitForIdle();
        }
    }

    void themeSwitchesAndReturnsToTheSystem()
    {
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
        const QPalette system = QApplication::palette();
        applyTheme(Preferences::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        applyTheme(Preferences::Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);
        applyTheme(Preferences::Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
#else
        QSKIP("Qt 6.8+ asks the platform for the colour scheme; the offscreen platform ignores it");
#endif
    }
};

QTEST_MAIN(TestPreferences)
#include "TestPreferences.moc"
