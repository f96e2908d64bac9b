// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/Command.h"

namespace folio::cli {

/// folio-cli check, backup, backups and restore, and how every command opens the library:
/// read-only when it must be (or --read-only), writing commands refused up front with the
/// reason, the seed or a remembered --no-seed, and the daily backup.
class MaintenanceCommands
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QList<Command> commands();

    /// Whether command always changes the library; such commands are refused up front on a
    /// read-only, full or damaged library (others that write, like "tags rename", get the same
    /// reason from SQLite's refusal).
    static bool writes(const QString& command);

    /// Opens the library at path for the command of context (Context::openLibrary).
    static Result<QSqlDatabase> openLibrary(Context& context, const QString& path);

private:
    explicit MaintenanceCommands(Context& context);
    int check(const QStringList& args);
    int backup(const QStringList& args);
    int backups(const QStringList& args);
    int restore(const QStringList& args);

    Context& m_c;
    QString m_path; ///< the profile's folio.sqlite
};

} // namespace folio::cli
