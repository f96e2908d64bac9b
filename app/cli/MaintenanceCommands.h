// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

namespace folio {

/// What the maintenance commands read from the command line.
struct MaintenanceOptions
{
    QString libraryPath; ///< the profile's folio.sqlite
    bool json = false;
    bool full = false;     ///< check --full: integrity_check and foreign_key_check
    bool readOnly = false; ///< --read-only: open the library read-only
    bool noSeed = false;   ///< --no-seed: a new library stays empty, now and later
};

/// folio-cli check, backup, backups and restore (see summary()), and how every other command
/// opens the library: read-only when it must be, the seed, the daily backup.
class MaintenanceCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    MaintenanceCommands(QTextStream& out, QTextStream& err, MaintenanceOptions options);

    static QStringList commands();
    /// The lines these commands add to --help.
    static QString summary();
    /// Whether command (with args) changes the library; such commands are refused up front on a
    /// read-only, full or damaged library.
    static bool writes(const QString& command, const QStringList& args);

    /// Runs command; returns the exit status (0 ok, 1 failed, 2 usage).
    int run(const QString& command, const QStringList& args);

    /// Opens the library for another command: prepare (read-only when it must be), refuse a
    /// writing command with the reason, the seed (or remembering --no-seed), the daily backup.
    Result<QSqlDatabase> openLibrary(const QString& command, const QStringList& args);

private:
    int check(const QStringList& args);
    int backup(const QStringList& args);
    int backups(const QStringList& args);
    int restore(const QStringList& args);
    int fail(const QString& message);
    int usage(const QString& message);

    QTextStream& m_out;
    QTextStream& m_err;
    MaintenanceOptions m_options;
};

} // namespace folio
