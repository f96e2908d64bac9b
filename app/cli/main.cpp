// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("folio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOLIO_VERSION));
    // Feeds are fetched through the system's proxy settings (environment, PAC, OS settings).
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    // --lang, else FOLIO_LANG, else the system's language; before any text is translated.
    folio::i18n::install(app, folio::i18n::chooseLocale(
                                  folio::i18n::peekOption(QCoreApplication::arguments(), QStringLiteral("lang"))));
    QTextStream out(stdout);
    QTextStream err(stderr);
    folio::CommandLine cli(out, err);
    const int status = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return status;
}
