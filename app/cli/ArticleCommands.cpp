// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ArticleCommands.h"

#include "cli/OfflineCommands.h"

#include "domain/Dates.h"
#include "export/JsonExport.h"
#include "storage/ArticleStore.h"
#include "storage/QueryBuilder.h"
#include "storage/QueryParser.h"
#include "storage/StateStore.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace folio::cli {

namespace {

QString dateText(const std::optional<qint64>& secs)
{
    return secs ? QDateTime::fromSecsSinceEpoch(*secs, QTimeZone::utc()).toString(u"yyyy-MM-dd"_s) : u"-"_s;
}

std::optional<qint64> parseDay(const QString& text, bool endOfDay, bool* ok)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    *ok = day.isValid();
    if (!day.isValid()) {
        return std::nullopt;
    }
    const QDate d = endOfDay ? day.addDays(1) : day;
    return d.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

QList<Command> ArticleCommands::commands()
{
    const QList<QCommandLineOption> listOptions = {
        QCommandLineOption(u"query"_s, tr("Articles matching QUERY in the search syntax (docs/search.md); the other "
                                          "options narrow it further."),
                           u"QUERY"_s),
        QCommandLineOption(u"tag"_s, tr("Only articles with tag NAME (repeatable)."), u"NAME"_s),
        QCommandLineOption(u"any-tag"_s, tr("Articles with any of the --tag tags, not all.")),
        QCommandLineOption(u"since"_s, tr("Published on or after DATE (YYYY-MM-DD, UTC)."), u"DATE"_s),
        QCommandLineOption(u"until"_s, tr("Published on or before DATE (YYYY-MM-DD, UTC)."), u"DATE"_s),
        QCommandLineOption(u"date-field"_s, tr("--since/--until apply to FIELD: published (default) or added."),
                           u"FIELD"_s),
        QCommandLineOption(u"added-since"_s, tr("Added to the library on or after DATE."), u"DATE"_s),
        QCommandLineOption(u"added-until"_s, tr("Added to the library on or before DATE."), u"DATE"_s),
        QCommandLineOption(u"with-undated"_s, tr("Keep undated articles in a date range.")),
        QCommandLineOption(u"text"_s, tr("Articles whose text contains every word of TEXT."), u"TEXT"_s),
        QCommandLineOption(u"bookmarked"_s, tr("Bookmarked articles only.")),
        QCommandLineOption(u"unread"_s, tr("Unread articles only.")),
        QCommandLineOption(u"limit"_s, tr("At most N articles."), u"N"_s),
    };
    const auto setFlag = [](Context& c, const QStringList& args) {
        return ArticleCommands(c).setFlag(c.db(), c.command(), args);
    };
    return {
        {u"list"_s, u"[--query QUERY] [--tag NAME]... [--since DATE] [--until DATE] [--text TEXT] ..."_s,
         tr("articles, newest first (best match first when searching)"), listOptions, true,
         [](Context& c, const QStringList&) { return ArticleCommands(c).list(c.db()); }},
        {u"show"_s, u"ID"_s, tr("one article with its summary and content"), {}, true,
         [](Context& c, const QStringList& args) { return ArticleCommands(c).show(c.db(), args); }},
        {u"bookmark"_s, u"ID [--off]"_s, tr("bookmark an article (or remove the bookmark)"),
         {QCommandLineOption(u"off"_s, tr("Remove the bookmark instead of setting it."))}, true, setFlag},
        {u"read"_s, u"ID [--off]"_s, tr("mark an article read (or unread)"),
         {QCommandLineOption(u"off"_s, tr("Mark the article unread instead."))}, true, setFlag},
        {u"stats"_s, QString(), tr("numbers of articles, tags, sources, bookmarks, unread"), {}, true,
         [](Context& c, const QStringList&) { return ArticleCommands(c).stats(c.db()); }},
    };
}

int ArticleCommands::list(QSqlDatabase db)
{
    auto built = listQuery();
    if (!built) {
        return m_c.usage(built.error().message);
    }
    const ArticleQuery query = built.value();
    bool ok = true;
    int limit = -1;
    if (m_c.isSet(u"limit"_s)) {
        limit = m_c.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 0) {
            return m_c.usage(tr("--limit needs a number, not \"%1\"").arg(m_c.value(u"limit"_s)));
        }
    }
    ArticleStore store(db);
    std::vector<ArticleRow> rows;
    std::optional<ArticleCursor> cursor;
    constexpr int kPage = 1000;
    while (limit < 0 || static_cast<int>(rows.size()) < limit) {
        const int want = limit < 0 ? kPage : qMin(kPage, limit - static_cast<int>(rows.size()));
        auto page = store.page(query, cursor, want);
        if (!page) {
            return m_c.fail(page.error().toString());
        }
        const bool last = static_cast<int>(page->size()) < want;
        for (ArticleRow& row : page.value()) {
            rows.push_back(std::move(row));
        }
        if (last || rows.empty()) {
            break;
        }
        cursor = ArticleStore::cursorAfter(rows.back());
    }
    if (m_c.json()) {
        QJsonArray array;
        for (const ArticleRow& row : rows) {
            array.append(json::articleRow(row));
        }
        m_c.printJson(array);
        return kExitOk;
    }
    for (const ArticleRow& row : rows) {
        m_c.out() << row.id << '\t' << dateText(row.published) << '\t' << (row.state.bookmarked ? "*" : " ")
              << (row.state.read ? " " : "N") << '\t' << row.title << '\t' << row.tags.join(u", "_s);
        if (!row.snippet.isEmpty()) {
            m_c.out() << '\t' << row.snippet.simplified(); // the matching passage, when searching
        }
        m_c.out() << Qt::endl;
    }
    return kExitOk;
}

// --query first, then every other list option narrows it (the same search as the window).
Result<ArticleQuery> ArticleCommands::listQuery()
{
    ArticleQuery query;
    if (m_c.isSet(u"query"_s)) {
        auto parsed = QueryParser::parse(m_c.value(u"query"_s));
        if (!parsed) {
            return makeError(Error::Code::Invalid, tr("--query: %1").arg(parsed.error().message));
        }
        query = parsed.value();
    }
    query.tags.append(m_c.values(u"tag"_s));
    if (m_c.isSet(u"any-tag"_s)) {
        query.tagMatch = ArticleQuery::TagMatch::Any;
    }
    const QString text = m_c.value(u"text"_s).trimmed();
    if (!text.isEmpty()) {
        query.text = query.text.isEmpty() ? text : query.text + u' ' + text;
    }
    if (auto fts = QueryBuilder::compileText(query.text); !fts) {
        return makeError(Error::Code::Invalid, tr("search text: %1").arg(fts.error().message));
    }
    query.bookmarkedOnly = query.bookmarkedOnly || m_c.isSet(u"bookmarked"_s);
    query.unreadOnly = query.unreadOnly || m_c.isSet(u"unread"_s);
    query.includeUndated = query.includeUndated || m_c.isSet(u"with-undated"_s);
    if (m_c.isSet(u"date-field"_s)) {
        const QString field = m_c.value(u"date-field"_s);
        if (field != "published"_L1 && field != "added"_L1) {
            return makeError(Error::Code::Invalid, tr("--date-field takes published or added, not \"%1\"").arg(field));
        }
        query.dateField = field == "added"_L1 ? ArticleQuery::DateField::Added : ArticleQuery::DateField::Published;
    }
    const bool added = m_c.isSet(u"added-since"_s) || m_c.isSet(u"added-until"_s);
    if (added && (m_c.isSet(u"since"_s) || m_c.isSet(u"until"_s))) {
        return makeError(Error::Code::Invalid, tr("use --since/--until or --added-since/--added-until, not both"));
    }
    if (added) {
        query.dateField = ArticleQuery::DateField::Added;
    }
    const std::pair<QString, bool> bounds[] = {
        {u"since"_s, false}, {u"until"_s, true}, {u"added-since"_s, false}, {u"added-until"_s, true}};
    for (const auto& [option, endOfDay] : bounds) {
        if (!m_c.isSet(option)) {
            continue;
        }
        bool ok = true;
        const auto secs = parseDay(m_c.value(option), endOfDay, &ok);
        if (!ok) {
            return makeError(Error::Code::Invalid,
                             tr("--%1 needs a date as YYYY-MM-DD, not \"%2\"").arg(option, m_c.value(option)));
        }
        (endOfDay ? query.until : query.since) = secs;
    }
    if (!query.text.isEmpty()) {
        query.sort = ArticleQuery::Sort::Relevance; // best match first while searching
    }
    return query;
}

Result<qint64> ArticleCommands::articleId(const QStringList& args, const QString& command)
{
    bool ok = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&ok) : 0;
    if (!ok) {
        return makeError(Error::Code::Invalid, tr("%1 takes exactly one article ID").arg(command));
    }
    return id;
}

int ArticleCommands::show(QSqlDatabase db, const QStringList& args)
{
    auto id = articleId(args, u"show"_s);
    if (!id) {
        return m_c.usage(id.error().message);
    }
    auto article = ArticleStore(db).article(id.value());
    if (!article) {
        return m_c.fail(article.error().toString());
    }
    const Article& a = article.value();
    if (m_c.json()) {
        QJsonObject o = json::article(a);
        if (auto r = OfflineCommands::addToArticleJson(m_c, a.id, o); !r) {
            return m_c.fail(r.error().toString());
        }
        m_c.printJson(o);
        return kExitOk;
    }
    m_c.out() << a.title << Qt::endl
          << tr("Published: %1").arg(a.published ? dates::isoUtc(*a.published) : tr("unknown")) << Qt::endl
          << tr("Source: %1").arg(a.source) << Qt::endl
          << tr("Tags: %1").arg(a.tags.join(u", "_s)) << Qt::endl;
    if (!a.link.isEmpty()) {
        m_c.out() << tr("Link: %1").arg(a.link) << Qt::endl;
    }
    m_c.out() << Qt::endl << a.summary << Qt::endl;
    return kExitOk;
}

int ArticleCommands::stats(QSqlDatabase db)
{
    auto s = ArticleStore(db).stats();
    if (!s) {
        return m_c.fail(s.error().toString());
    }
    if (m_c.json()) {
        QJsonObject o = json::stats(s.value());
        if (auto r = OfflineCommands::addToStatsJson(m_c, o); !r) {
            return m_c.fail(r.error().toString());
        }
        m_c.printJson(o);
        return kExitOk;
    }
    m_c.out() << tr("Articles: %1").arg(s->articles) << Qt::endl
          << tr("Tags: %1").arg(s->tags) << Qt::endl
          << tr("Sources: %1").arg(s->sources) << Qt::endl
          << tr("Bookmarks: %1").arg(s->bookmarks) << Qt::endl
          << tr("Unread: %1").arg(s->unread) << Qt::endl;
    return kExitOk;
}

int ArticleCommands::setFlag(QSqlDatabase db, const QString& command, const QStringList& args)
{
    auto id = articleId(args, command);
    if (!id) {
        return m_c.usage(id.error().message);
    }
    const bool on = !m_c.isSet(u"off"_s);
    StateStore store(db);
    auto r = command == "bookmark"_L1 ? store.setBookmarked({id.value()}, on) : store.setRead({id.value()}, on);
    if (!r) {
        return m_c.fail(r.error().toString());
    }
    auto state = store.state(id.value());
    if (!state) {
        return m_c.fail(state.error().toString());
    }
    if (m_c.json()) {
        m_c.printJson(QJsonObject{{u"id"_s, id.value()}, {u"read"_s, state->read}, {u"bookmarked"_s, state->bookmarked}});
    } else if (command == "bookmark"_L1) {
        m_c.out() << (on ? tr("Bookmarked %1").arg(id.value()) : tr("Removed bookmark from %1").arg(id.value())) << Qt::endl;
    } else {
        m_c.out() << (on ? tr("Marked %1 read").arg(id.value()) : tr("Marked %1 unread").arg(id.value())) << Qt::endl;
    }
    return kExitOk;
}

} // namespace folio::cli
