// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace folio::i18n {

/// The languages Folio ships besides the source language's plural forms ("en", "nl").
QStringList availableLanguages();

/// The language to use: override ("en", "nl", "nl_BE", …) when set, else the environment
/// variable FOLIO_LANG, else the system's UI languages.
QLocale chooseLocale(const QString& override = {});

/// Installs Folio's and Qt's own translations for locale on app (translators parented to app).
/// Catalogues come from the embedded :/i18n, else <exe dir>/../share/folio/translations, else
/// next to the executable. English, and any language without a catalogue, uses the English
/// catalogue that holds only the plural forms. Returns the language code that was installed.
QString install(QCoreApplication& app, const QLocale& locale);

/// The value of --name VALUE or --name=VALUE in arguments, read before the real command-line
/// parser runs (whose help texts must already be translated).
QString peekOption(const QStringList& arguments, const QString& name);

} // namespace folio::i18n
