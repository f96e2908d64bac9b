// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandLine.h"

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
    QTextStream out(stdout);
    QTextStream err(stderr);
    folio::CommandLine cli(out, err);
    const int status = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return status;
}
