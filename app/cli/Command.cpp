// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Command.h"

#include "feeds/FeedService.h"
#include "cli/MaintenanceCommands.h"

#include "storage/Database.h"
#include "storage/Library.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace folio::cli {

Context::Context(QTextStream& out, QTextStream& err, const QCommandLineParser& parser, QString command)
    : m_out(out)
    , m_err(err)
    , m_parser(parser)
    , m_command(std::move(command))
{
}

Context::~Context()
{
    m_feeds.reset();
    m_library.reset();
    m_network.reset();
    if (!m_path.isEmpty()) {
        m_db = QSqlDatabase();
        Database::closeConnection(m_path);
    }
}

Result<QSqlDatabase> Context::openLibrary()
{
    m_path = QDir(Library::resolveProfileDir(value(u"profile"_s))).filePath(Database::fileName());
    // Read-only when it must be, writes refused up front, the seed, the daily backup.
    auto db = MaintenanceCommands::openLibrary(*this, m_path);
    if (!db) {
        return db.error();
    }
    m_db = db.value();
    return db;
}

Result<FeedService*> Context::feedService()
{
    if (m_feeds) {
        return m_feeds.get();
    }
    auto library = Library::open(Library::resolveProfileDir(value(u"profile"_s)));
    if (!library) {
        return library.error();
    }
    m_library = std::move(library).value();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_feeds = std::make_unique<FeedService>(m_library.get(), m_network.get());
    return m_feeds.get();
}

int Context::fail(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl;
    return kExitFailed;
}

int Context::usage(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl
          << tr("Try 'folio-cli %1 --help'.").arg(m_command) << Qt::endl;
    return kExitUsage;
}

void Context::printJson(const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption(QStringList{u"h"_s, u"help"_s}, Context::tr("Show this help.")),
        QCommandLineOption(u"profile"_s, Context::tr("Use the library in DIR."), u"DIR"_s),
        QCommandLineOption(u"json"_s, Context::tr("Print JSON on standard output.")),
        QCommandLineOption(u"no-seed"_s, Context::tr("Do not import the bundled tag pages into a new library.")),
        QCommandLineOption(u"read-only"_s, Context::tr("Open the library read-only (commands that write are refused).")),
        // Read by main() before the parser runs (the help is already in that language); listed for --help.
        QCommandLineOption(u"lang"_s,
                           Context::tr("Messages in LANGUAGE (en, nl); default: $FOLIO_LANG, else the system's."),
                           u"LANGUAGE"_s),
    };
}

} // namespace folio::cli
