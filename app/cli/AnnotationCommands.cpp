// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AnnotationCommands.h"

#include "domain/Dates.h"
#include "export/AnnotationExport.h"
#include "storage/AnnotationStore.h"
#include "storage/ArticleStore.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

} // namespace

AnnotationCommands::AnnotationCommands(QTextStream& out, QTextStream& err, AnnotationCommandOptions options)
    : m_out(out)
    , m_err(err)
    , m_options(std::move(options))
{
}

QStringList AnnotationCommands::commands()
{
    return {u"annotate"_s, u"annotations"_s, u"export"_s};
}

QString AnnotationCommands::summary()
{
    return tr("  annotate ID --quote TEXT [--note TEXT] [--color NAME] [--occurrence N]\n"
              "                      highlight a passage of an article (the first occurrence, or the Nth)\n"
              "  annotations ID      an article's highlights and notes\n"
              "  export annotations --format markdown|csv|json|w3c [--tag NAME] [--since DATE] [-o FILE]\n"
              "                      annotations and bookmarks as a file (or on standard output)");
}

int AnnotationCommands::fail(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl;
    return kExitFailed;
}

int AnnotationCommands::usage(const QString& message)
{
    m_err << "folio-cli: " << message << Qt::endl << tr("Try 'folio-cli --help'.") << Qt::endl;
    return kExitUsage;
}

int AnnotationCommands::run(QSqlDatabase db, const QString& command, const QStringList& args)
{
    if (command == "annotate"_L1) {
        return annotate(db, args);
    }
    if (command == "annotations"_L1) {
        return annotations(db, args);
    }
    return exportAnnotations(db, args);
}

int AnnotationCommands::annotate(QSqlDatabase db, const QStringList& args)
{
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
    if (!ok) {
        return usage(tr("annotate takes exactly one article ID"));
    }
    if (!m_options.quote || m_options.quote->isEmpty()) {
        return usage(tr("annotate needs --quote TEXT"));
    }
    int occurrence = 1;
    if (m_options.occurrence) {
        occurrence = m_options.occurrence->toInt(&ok);
        if (!ok || occurrence < 1) {
            return usage(tr("--occurrence needs a number from 1, not \"%1\"").arg(*m_options.occurrence));
        }
    }
    const QString color = m_options.color.isEmpty() ? u"yellow"_s : m_options.color.toLower();
    if (!AnnotationStore::colors().contains(color)) {
        return usage(tr("--color must be one of: %1").arg(AnnotationStore::colors().join(u", "_s)));
    }
    auto stored = AnnotationStore(db).addQuote(id, *m_options.quote, m_options.note, color, occurrence);
    if (!stored) {
        return fail(stored.error().toString());
    }
    if (m_options.json) {
        m_out << QString::fromUtf8(QJsonDocument(annotationexport::annotationJson(stored.value())).toJson());
    } else {
        m_out << tr("Annotation %1 on article %2 at %3-%4").arg(stored->id).arg(id).arg(stored->start).arg(stored->end)
              << Qt::endl;
    }
    return kExitOk;
}

int AnnotationCommands::annotations(QSqlDatabase db, const QStringList& args)
{
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
    if (!ok) {
        return usage(tr("annotations takes exactly one article ID"));
    }
    if (auto article = ArticleStore(db).article(id); !article) {
        return fail(article.error().toString());
    }
    auto list = AnnotationStore(db).forArticle(id);
    if (!list) {
        return fail(list.error().toString());
    }
    if (m_options.json) {
        QJsonArray array;
        for (const Annotation& a : std::as_const(list.value())) {
            QJsonObject o = annotationexport::annotationJson(a);
            o.insert(u"author"_s, a.author.isEmpty() ? QJsonValue() : QJsonValue(a.author));
            array.append(o);
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return kExitOk;
    }
    for (const Annotation& a : std::as_const(list.value())) {
        const QString where = a.isArticleNote() ? tr("note") : u"%1-%2"_s.arg(a.start).arg(a.end);
        m_out << a.id << '\t' << where << '\t' << a.color << '\t' << (a.detached ? tr("detached") : QString()) << '\t'
              << a.quote << '\t' << a.note << Qt::endl;
    }
    return kExitOk;
}

int AnnotationCommands::exportAnnotations(QSqlDatabase db, const QStringList& args)
{
    if (args != QStringList{u"annotations"_s}) {
        return usage(tr("export takes one argument: annotations"));
    }
    const auto format = annotationexport::formatFromName(m_options.format.isEmpty() ? u"markdown"_s : m_options.format);
    if (!format) {
        return usage(tr("--format must be markdown, csv, json or w3c, not \"%1\"").arg(m_options.format));
    }
    AnnotationFilter filter;
    filter.tags = m_options.tags;
    if (m_options.since) {
        const QDate day = QDate::fromString(*m_options.since, Qt::ISODate);
        if (!day.isValid()) {
            return usage(tr("--since needs a date as YYYY-MM-DD, not \"%1\"").arg(*m_options.since));
        }
        filter.since = day.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    }
    auto articles = AnnotationStore(db).annotatedArticles(filter);
    if (!articles) {
        return fail(articles.error().toString());
    }
    const QByteArray bytes = annotationexport::write(*format, articles.value());
    if (!m_options.output) {
        m_out << QString::fromUtf8(bytes);
        m_out.flush();
        return kExitOk;
    }
    QSaveFile file(*m_options.output);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(tr("%1: cannot write: %2").arg(*m_options.output, file.errorString()));
    }
    return kExitOk;
}

} // namespace folio
