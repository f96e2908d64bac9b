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
#include <QSaveFile>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace folio::cli {

QList<Command> AnnotationCommands::commands()
{
    return {
        {u"annotate"_s, u"ID --quote TEXT [--note TEXT] [--color NAME] [--occurrence N]"_s,
         tr("highlight a passage of an article (the first occurrence, or the Nth)"),
         {QCommandLineOption(u"quote"_s, tr("The passage to highlight."), u"TEXT"_s),
          QCommandLineOption(u"note"_s, tr("A note on the highlight."), u"TEXT"_s),
          QCommandLineOption(u"color"_s, tr("yellow, green, blue, pink or purple."), u"NAME"_s),
          QCommandLineOption(u"occurrence"_s, tr("Highlight the Nth occurrence."), u"N"_s)},
         true, [](Context& c, const QStringList& args) { return AnnotationCommands(c).annotate(c.db(), args); }},
        {u"annotations"_s, u"ID"_s, tr("an article's highlights and notes"), {}, true,
         [](Context& c, const QStringList& args) { return AnnotationCommands(c).annotations(c.db(), args); }},
        {u"export"_s, u"annotations --format markdown|csv|json|w3c [--tag NAME] [--since DATE] [-o FILE]"_s,
         tr("annotations and bookmarks as a file (or on standard output)"),
         {QCommandLineOption(u"format"_s, tr("markdown (default), csv, json or w3c."), u"FORMAT"_s),
          QCommandLineOption(u"tag"_s, tr("Only articles with tag NAME (repeatable)."), u"NAME"_s),
          QCommandLineOption(u"since"_s, tr("Only annotations made (bookmarks set) on or after DATE (YYYY-MM-DD, UTC)."), u"DATE"_s),
          QCommandLineOption(QStringList{u"o"_s, u"output"_s}, tr("Write to FILE."), u"FILE"_s)},
         true, [](Context& c, const QStringList& args) { return AnnotationCommands(c).exportAnnotations(c.db(), args); }},
    };
}

int AnnotationCommands::annotate(QSqlDatabase db, const QStringList& args)
{
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
    if (!ok) {
        return m_c.usage(tr("annotate takes exactly one article ID"));
    }
    if (!m_c.isSet(u"quote"_s) || m_c.value(u"quote"_s).isEmpty()) {
        return m_c.usage(tr("annotate needs --quote TEXT"));
    }
    int occurrence = 1;
    if (m_c.isSet(u"occurrence"_s)) {
        occurrence = m_c.value(u"occurrence"_s).toInt(&ok);
        if (!ok || occurrence < 1) {
            return m_c.usage(tr("--occurrence needs a number from 1, not \"%1\"").arg(m_c.value(u"occurrence"_s)));
        }
    }
    const QString color = m_c.value(u"color"_s).isEmpty() ? u"yellow"_s : m_c.value(u"color"_s).toLower();
    if (!AnnotationStore::colors().contains(color)) {
        return m_c.usage(tr("--color must be one of: %1").arg(AnnotationStore::colors().join(u", "_s)));
    }
    auto stored = AnnotationStore(db).addQuote(id, m_c.value(u"quote"_s), m_c.value(u"note"_s), color, occurrence);
    if (!stored) {
        return m_c.fail(stored.error().toString());
    }
    if (m_c.json()) {
        m_c.out() << QString::fromUtf8(QJsonDocument(annotationexport::annotationJson(stored.value())).toJson());
    } else {
        m_c.out() << tr("Annotation %1 on article %2 at %3-%4").arg(stored->id).arg(id).arg(stored->start).arg(stored->end)
              << Qt::endl;
    }
    return kExitOk;
}

int AnnotationCommands::annotations(QSqlDatabase db, const QStringList& args)
{
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
    if (!ok) {
        return m_c.usage(tr("annotations takes exactly one article ID"));
    }
    if (auto article = ArticleStore(db).article(id); !article) {
        return m_c.fail(article.error().toString());
    }
    auto list = AnnotationStore(db).forArticle(id);
    if (!list) {
        return m_c.fail(list.error().toString());
    }
    if (m_c.json()) {
        QJsonArray array;
        for (const Annotation& a : std::as_const(list.value())) {
            array.append(annotationexport::annotationJson(a));
        }
        m_c.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return kExitOk;
    }
    for (const Annotation& a : std::as_const(list.value())) {
        const QString where = a.isArticleNote() ? tr("note") : u"%1-%2"_s.arg(a.start).arg(a.end);
        m_c.out() << a.id << '\t' << where << '\t' << a.color << '\t' << (a.detached ? tr("detached") : QString()) << '\t'
              << a.quote << '\t' << a.note << Qt::endl;
    }
    return kExitOk;
}

int AnnotationCommands::exportAnnotations(QSqlDatabase db, const QStringList& args)
{
    if (args != QStringList{u"annotations"_s}) {
        return m_c.usage(tr("export takes one argument: annotations"));
    }
    const auto format = annotationexport::formatFromName(m_c.value(u"format"_s).isEmpty() ? u"markdown"_s : m_c.value(u"format"_s));
    if (!format) {
        return m_c.usage(tr("--format must be markdown, csv, json or w3c, not \"%1\"").arg(m_c.value(u"format"_s)));
    }
    AnnotationFilter filter;
    filter.tags = m_c.values(u"tag"_s);
    if (m_c.isSet(u"since"_s)) {
        const QDate day = QDate::fromString(m_c.value(u"since"_s), Qt::ISODate);
        if (!day.isValid()) {
            return m_c.usage(tr("--since needs a date as YYYY-MM-DD, not \"%1\"").arg(m_c.value(u"since"_s)));
        }
        filter.since = day.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    }
    auto articles = AnnotationStore(db).annotatedArticles(filter);
    if (!articles) {
        return m_c.fail(articles.error().toString());
    }
    const QByteArray bytes = annotationexport::write(*format, articles.value());
    if (!m_c.isSet(u"output"_s)) {
        m_c.out() << QString::fromUtf8(bytes);
        m_c.out().flush();
        return kExitOk;
    }
    QSaveFile file(m_c.value(u"output"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return m_c.fail(tr("%1: cannot write: %2").arg(m_c.value(u"output"_s), file.errorString()));
    }
    return kExitOk;
}

} // namespace folio::cli
