// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "folio.i18n")

using namespace Qt::StringLiterals;

namespace folio::i18n {

namespace {

QStringList catalogueDirs()
{
    const QString exeDir = QCoreApplication::applicationDirPath();
    return {u":/i18n"_s, QDir(exeDir).filePath(u"../share/folio/translations"_s),
            QDir(exeDir).filePath(u"../Resources/translations"_s), QDir(exeDir).filePath(u"translations"_s), exeDir};
}

bool loadFrom(QTranslator& translator, const QLocale& locale, const QStringList& dirs)
{
    for (const QString& dir : dirs) {
        if (translator.load(locale, u"folio"_s, u"_"_s, dir)) {
            return true;
        }
    }
    return false;
}

} // namespace

QStringList availableLanguages()
{
    return {u"en"_s, u"nl"_s};
}

QLocale chooseLocale(const QString& override)
{
    if (!override.isEmpty()) {
        return QLocale(override);
    }
    const QString env = qEnvironmentVariable("FOLIO_LANG");
    if (!env.isEmpty()) {
        return QLocale(env);
    }
    return QLocale::system();
}

QString install(QCoreApplication& app, const QLocale& locale)
{
    const QStringList dirs = catalogueDirs();
    auto* folio = new QTranslator(&app);
    // QTranslator walks the locale's UI languages (nl_BE, nl, …); anything Folio has no catalogue
    // for reads English, whose catalogue supplies the plural forms ("1 article", "6 articles").
    if (!loadFrom(*folio, locale, dirs) && !loadFrom(*folio, QLocale(QLocale::English), dirs)) {
        qCWarning(lcI18n) << "No translations found in" << dirs;
        delete folio;
        return {};
    }
    QCoreApplication::installTranslator(folio);
    const QString language = folio->language();
    // Qt's own strings (dialog buttons, context menus) in the same language when Qt has them.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    return language;
}

QString peekOption(const QStringList& arguments, const QString& name)
{
    const QString flag = u"--"_s + name;
    const QString prefix = flag + u'=';
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == "--"_L1) {
            break;
        }
        if (argument == flag && i + 1 < arguments.size()) {
            return arguments.at(i + 1);
        }
        if (argument.startsWith(prefix)) {
            return argument.mid(prefix.size());
        }
    }
    return {};
}

} // namespace folio::i18n
