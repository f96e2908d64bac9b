// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace folio;

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static void uninstall()
    {
        // Deleting a translator takes it out of the application.
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly));
    }

    static QString articles(int n)
    {
        return QCoreApplication::translate("folio::MainWindow", "%Ln article(s)", nullptr, n);
    }

private Q_SLOTS:
    void cleanup() { uninstall(); }

    void englishHasItsPluralForms()
    {
        QCOMPARE(i18n::install(*QCoreApplication::instance(), QLocale(QLocale::English)), u"en"_s);
        QCOMPARE(articles(1), u"1 article"_s);
        QCOMPARE(articles(6), u"6 articles"_s);
    }

    void dutchIsEmbedded()
    {
        QCOMPARE(i18n::install(*QCoreApplication::instance(), QLocale(u"nl_BE"_s)), u"nl"_s);
        QCOMPARE(articles(1), u"1 artikel"_s);
        QCOMPARE(articles(6), u"6 artikelen"_s);
        QCOMPARE(QCoreApplication::translate("folio::MainWindow", "&Quit"), u"&Afsluiten"_s);
    }

    void otherLanguagesReadEnglish()
    {
        QCOMPARE(i18n::install(*QCoreApplication::instance(), QLocale(QLocale::Japanese)), u"en"_s);
        QCOMPARE(articles(1), u"1 article"_s);
    }

    void overrideBeatsEnvironment()
    {
        qputenv("FOLIO_LANG", "nl");
        QCOMPARE(i18n::chooseLocale().language(), QLocale::Dutch);
        QCOMPARE(i18n::chooseLocale(u"en"_s).language(), QLocale::English);
        qunsetenv("FOLIO_LANG");
    }

    void optionsArePeekedBeforeParsing()
    {
        QCOMPARE(i18n::peekOption({u"folio-cli"_s, u"--lang"_s, u"nl"_s, u"tags"_s}, u"lang"_s), u"nl"_s);
        QCOMPARE(i18n::peekOption({u"folio-cli"_s, u"--lang=en"_s}, u"lang"_s), u"en"_s);
        QCOMPARE(i18n::peekOption({u"folio-cli"_s, u"--"_s, u"--lang=en"_s}, u"lang"_s), QString());
        QCOMPARE(i18n::peekOption({u"folio-cli"_s, u"--lang"_s}, u"lang"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
