// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ImportCommands.h"

#include "export/JsonExport.h"
#include "ingest/DocumentParser.h"
#include "ingest/ParsedFeedJson.h"
#include "storage/Importer.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace folio::cli {

QList<Command> ImportCommands::commands()
{
    return {
        {u"import"_s, u"FILE..."_s, tr("import tag pages or feed files (each file all or nothing)"), {}, true,
         [](Context& c, const QStringList& args) { return ImportCommands(c).importFiles(c.db(), args); }},
        {u"parse"_s, u"FILE"_s, tr("print a file as parsed, without touching a library"), {}, false,
         [](Context& c, const QStringList& args) { return ImportCommands(c).parse(args); }},
    };
}

int ImportCommands::parse(const QStringList& args)
{
    if (args.size() != 1) {
        return m_c.usage(tr("parse takes exactly one FILE"));
    }
    auto parsed = DocumentParser::parseFile(args.first());
    if (!parsed) {
        return m_c.fail(parsed.error().toString());
    }
    m_c.printJson(parsedFeedToJson(parsed.value()));
    return kExitOk;
}

int ImportCommands::importFiles(QSqlDatabase db, const QStringList& files)
{
    if (files.isEmpty()) {
        return m_c.usage(tr("import needs at least one FILE"));
    }
    int status = kExitOk;
    QJsonArray reports;
    // Each file is reported as soon as it is stored; the next one is already being read.
    Importer(db).importFiles(files, [&](int index, const Result<ImportReport>& report) {
        if (!report) {
            m_c.err() << "folio-cli: " << report.error().toString() << Qt::endl;
            status = kExitFailed;
            return;
        }
        if (m_c.json()) {
            reports.append(json::importReport(report.value()));
        } else {
            m_c.out() << tr("%1: %2 items, %3 new, %4 updated").arg(files.at(index)).arg(report->items)
                             .arg(report->added).arg(report->updated)
                      << Qt::endl;
        }
    });
    if (m_c.json()) {
        m_c.printJson(reports);
    }
    return status;
}

} // namespace folio::cli
