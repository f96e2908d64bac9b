// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace folio::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2; ///< the command line was wrong

/// What a command gets: its output streams, its parsed options and (when it asked for one) the
/// open library. Options are looked up by name ("tag", "json", …).
class Context
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    Context(QTextStream& out, QTextStream& err, const QCommandLineParser& parser, QString command);

    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    const QString& command() const { return m_command; }

    bool isSet(const QString& option) const { return m_parser.isSet(option); }
    QString value(const QString& option) const { return m_parser.value(option); }
    QStringList values(const QString& option) const { return m_parser.values(option); }
    /// --json was given.
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    /// The library of --profile (else $FOLIO_PROFILE, else the platform's place); valid in
    /// Command::run of a command with needsLibrary.
    QSqlDatabase db() const { return m_db; }
    /// The library's file (valid with db()); the offline store lives beside it.
    const QString& databasePath() const { return m_path; }
    /// Opens (creating and migrating) the library, seeding a new one unless --no-seed.
    Result<QSqlDatabase> openLibrary();
    /// Closes the connection openLibrary made.
    ~Context();

    /// Prints "folio-cli: message" on stderr; returns kExitFailed.
    int fail(const QString& message);
    /// Prints "folio-cli: message" and where to find help on stderr; returns kExitUsage.
    int usage(const QString& message);
    /// Prints a JSON array or object, indented, on stdout.
    void printJson(const QJsonValue& value);

private:
    QTextStream& m_out;
    QTextStream& m_err;
    const QCommandLineParser& m_parser;
    QString m_command;
    QString m_path;
    QSqlDatabase m_db;
};

/// One folio-cli command, as its group declares it for the dispatch table.
struct Command
{
    QString name;                      ///< the first word on the command line
    QString synopsis;                  ///< what follows the name in "Usage: folio-cli NAME …"
    QString summary;                   ///< what it does (translated), for --help
    QList<QCommandLineOption> options; ///< its own options; the global ones come on top
    bool needsLibrary = true;          ///< open the library (Context::db) before run
    std::function<int(Context& context, const QStringList& args)> run; ///< returns the exit status
};

/// The options every command takes: --profile, --json, --no-seed, --lang, --help.
QList<QCommandLineOption> globalOptions();

} // namespace folio::cli
