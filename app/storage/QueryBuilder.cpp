// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/QueryBuilder.h"

#include "storage/OfflineStore.h"
#include "storage/StoryMerge.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

struct TextToken
{
    enum class Kind { Term, Or, Not };
    Kind kind = Kind::Term;
    QString text;
    bool phrase = false;
    bool negated = false; ///< written as -term
};

// Splits user text into terms and operators. Quotes group a phrase (an unclosed quote runs to
// the end); brackets and other FTS5 syntax characters are plain separators or literal text.
QList<TextToken> tokenize(const QString& text)
{
    QList<TextToken> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == u'(' || c == u')') {
            ++i;
            continue;
        }
        TextToken token;
        if (c == u'-' && i + 1 < n && !text.at(i + 1).isSpace()) {
            token.negated = true;
            ++i;
        }
        if (i < n && text.at(i) == u'"') {
            const qsizetype close = text.indexOf(u'"', i + 1);
            const qsizetype end = close < 0 ? n : close;
            token.text = text.mid(i + 1, end - i - 1);
            token.phrase = true;
            i = close < 0 ? n : close + 1;
        } else {
            const qsizetype start = i;
            while (i < n && !text.at(i).isSpace() && text.at(i) != u'"' && text.at(i) != u'(' && text.at(i) != u')') {
                ++i;
            }
            token.text = text.mid(start, i - start);
            if (!token.negated && token.text == "OR"_L1) {
                token.kind = TextToken::Kind::Or;
            } else if (!token.negated && token.text == "NOT"_L1) {
                token.kind = TextToken::Kind::Not;
            } else if (!token.negated && token.text == "AND"_L1) {
                continue; // words are ANDed anyway
            }
        }
        tokens.append(token);
    }
    return tokens;
}

// An FTS5 string for one term, or empty when it holds nothing the tokenizer would index.
QString ftsTerm(const TextToken& token)
{
    static const QRegularExpression indexable(u"[\\p{L}\\p{N}]"_s);
    QString text = token.text;
    if (!token.phrase) {
        while (text.endsWith(u'*')) {
            text.chop(1);
        }
    }
    if (!text.contains(indexable)) {
        return {};
    }
    text.replace(u'"', u"\"\""_s);
    // Words match as prefixes (samenwerk finds samenwerking); phrases match exactly.
    return token.phrase ? u"\""_s + text + u"\""_s : u"\""_s + text + u"\"*"_s;
}

Error syntaxError(const char* message)
{
    return makeError(Error::Code::Invalid, QCoreApplication::translate("folio::QueryBuilder", message));
}

} // namespace

QueryBuilder::QueryBuilder(const ArticleQuery& query)
    : m_query(query)
{
    auto fts = compileText(query.text);
    if (fts) {
        m_fts = fts.value();
    } else {
        m_error = fts.error();
    }
}

QString QueryBuilder::tagKey(const QString& name)
{
    return name.simplified().toCaseFolded();
}

Result<FtsExpression> QueryBuilder::compileText(const QString& text)
{
    QList<QStringList> groups; // ANDed groups of ORed terms
    QStringList negatives;
    bool pendingOr = false;
    bool pendingNot = false;
    bool lastNegative = false;
    for (const TextToken& token : tokenize(text)) {
        switch (token.kind) {
        case TextToken::Kind::Or:
            if (groups.isEmpty() || pendingOr || pendingNot || lastNegative) {
                return syntaxError(QT_TRANSLATE_NOOP("folio::QueryBuilder",
                                                     "OR needs a search term on each side, as in: astana OR almaty"));
            }
            pendingOr = true;
            break;
        case TextToken::Kind::Not:
            if (pendingOr) {
                return syntaxError(QT_TRANSLATE_NOOP("folio::QueryBuilder", "OR cannot be followed by NOT"));
            }
            pendingNot = true;
            break;
        case TextToken::Kind::Term: {
            const QString term = ftsTerm(token);
            if (term.isEmpty()) {
                break;
            }
            const bool negative = token.negated || pendingNot;
            if (negative) {
                if (pendingOr) {
                    return syntaxError(QT_TRANSLATE_NOOP("folio::QueryBuilder", "OR cannot join an excluded term"));
                }
                negatives.append(term);
            } else if (pendingOr) {
                groups.last().append(term);
            } else {
                groups.append(QStringList{term});
            }
            lastNegative = negative;
            pendingOr = false;
            pendingNot = false;
            break;
        }
        }
    }
    if (pendingOr) {
        return syntaxError(QT_TRANSLATE_NOOP("folio::QueryBuilder", "OR at the end needs a search term after it"));
    }
    if (pendingNot) {
        return syntaxError(QT_TRANSLATE_NOOP("folio::QueryBuilder", "NOT needs a search term after it"));
    }
    FtsExpression out;
    if (groups.isEmpty()) {
        out.match = negatives.join(u" OR "_s);
        out.negativeOnly = !negatives.isEmpty();
        return out;
    }
    QStringList parts;
    for (const QStringList& group : std::as_const(groups)) {
        parts.append(group.size() == 1 ? group.first() : u"("_s + group.join(u" OR "_s) + u")"_s);
    }
    out.match = parts.join(u" AND "_s);
    if (!negatives.isEmpty()) {
        out.match = u"("_s + out.match + u")"_s;
        for (const QString& negative : std::as_const(negatives)) {
            out.match += u" NOT "_s + negative;
        }
    }
    return out;
}

QString QueryBuilder::bind(const QVariant& value)
{
    const QString name = u":b%1"_s.arg(m_binds.size());
    m_binds.insert(name, value);
    return name;
}

ArticleQuery::Sort QueryBuilder::sort() const
{
    if (m_query.sort == ArticleQuery::Sort::Relevance && !ranked()) {
        return ArticleQuery::Sort::DateDesc;
    }
    return m_query.sort;
}

QString QueryBuilder::dateColumn() const
{
    return m_query.dateField == ArticleQuery::DateField::Added ? u"a.added"_s : publishedColumn();
}

bool QueryBuilder::drivenByTag() const
{
    const bool everyTag = m_query.tagMatch == ArticleQuery::TagMatch::All || m_query.tags.size() == 1;
    const bool byDate = sort() == ArticleQuery::Sort::DateDesc || sort() == ArticleQuery::Sort::DateAsc;
    return !m_query.tags.isEmpty() && everyTag && byDate && !ranked();
}

QString QueryBuilder::publishedColumn() const
{
    return drivenByTag() ? u"dt.published"_s : u"a.published"_s;
}

bool QueryBuilder::hasFiltersBesidesText() const
{
    const ArticleQuery& q = m_query;
    return !q.tags.isEmpty() || !q.excludedTags.isEmpty() || q.feedId || !q.authors.isEmpty() || q.since || q.until
        || q.bookmarkedOnly || q.offline || q.unreadOnly || q.readOnly || q.annotatedOnly || q.notedOnly;
}

bool QueryBuilder::rankedTextOnly() const
{
    return ranked() && sort() == ArticleQuery::Sort::Relevance && !hasFiltersBesidesText();
}

bool QueryBuilder::atMostOneTagOrFeed() const
{
    const ArticleQuery& q = m_query;
    return !(q.tags.size() > 1 || (!q.tags.isEmpty() && q.feedId) || !m_fts.match.isEmpty() || !q.excludedTags.isEmpty()
             || !q.authors.isEmpty() || q.since || q.until || q.bookmarkedOnly || q.offline || q.readOnly
             || q.annotatedOnly || q.notedOnly);
}

QString QueryBuilder::tagTimeline()
{
    const ArticleQuery& q = m_query;
    if (!atMostOneTagOrFeed() || q.tags.size() != 1 || q.feedId || q.unreadOnly
        || q.dateField != ArticleQuery::DateField::Published) {
        return {};
    }
    // The tag's links carry their article's date (0010_tag_dates.sql): a range of the index
    // article_tags_tag_published, with no look at the articles.
    return u"SELECT date(dt.published, 'unixepoch') AS day, count(*) FROM article_tags dt "
           u"WHERE dt.tag_id = (SELECT id FROM tags WHERE key = %1) AND dt.published IS NOT NULL "
           u"GROUP BY day ORDER BY day"_s.arg(bind(tagKey(q.tags.first())));
}

QString QueryBuilder::keptCount()
{
    const ArticleQuery& q = m_query;
    if (!atMostOneTagOrFeed()) {
        return {};
    }
    const QString column = q.unreadOnly ? u"unread"_s : u"articles"_s;
    if (q.feedId) {
        return u"SELECT coalesce((SELECT c.%1 FROM source_counts c JOIN feeds f ON f.source_id = c.source_id "
               u"WHERE f.id = %2), 0)"_s.arg(column, bind(*q.feedId));
    }
    if (q.tags.isEmpty()) {
        return u"SELECT %1 FROM library_counts"_s.arg(column);
    }
    return u"SELECT coalesce((SELECT c.%1 FROM tag_counts c WHERE c.tag_id = (SELECT id FROM tags WHERE key = %2)), 0)"_s
        .arg(column, bind(tagKey(q.tags.first())));
}

void QueryBuilder::setRankWindow(qint64 from, qint64 until)
{
    m_windowFrom = from;
    m_windowUntil = until;
    m_windowSize = 0;
}

void QueryBuilder::setRankWindowBelow(qint64 until, int size)
{
    m_windowFrom = 0;
    m_windowUntil = until;
    m_windowSize = qMax(1, size);
}

QString QueryBuilder::windowRange(const QString& column)
{
    QString range;
    if (m_windowSize > 0) {
        range += u" AND %1 >= (SELECT v FROM winfrom)"_s.arg(column); // withHits(after, limit)
    } else if (m_windowFrom > 0) {
        range += u" AND %1 >= %2"_s.arg(column, bind(m_windowFrom));
    }
    if (m_windowUntil > 0) {
        range += u" AND %1 < %2"_s.arg(column, bind(m_windowUntil));
    }
    return range;
}

QString QueryBuilder::taggedWordKey() const
{
    // A single plain word also finds the articles tagged with it (tag:NAME stays exact).
    const QString word = QString(m_query.text).simplified().remove(u'*');
    static const QRegularExpression plainWord(u"^[\\w\\-']+$"_s, QRegularExpression::UseUnicodePropertiesOption);
    if (!word.isEmpty() && !word.startsWith(u'-') && word != "OR"_L1 && word != "NOT"_L1 && word != "AND"_L1
        && plainWord.match(word).hasMatch()) {
        return tagKey(word);
    }
    return {};
}

QString QueryBuilder::taggedHits(bool scored)
{
    const QString key = taggedWordKey();
    if (key.isEmpty()) {
        return {};
    }
    return (scored ? u" UNION ALL SELECT tw.article_id, -5.0"_s : u" UNION SELECT tw.article_id"_s)
        + u" FROM article_tags tw JOIN tags tt ON tt.id = tw.tag_id WHERE tt.key = "_s + bind(key)
        + windowRange(u"tw.article_id"_s);
}

QString QueryBuilder::withHits()
{
    if (!ranked()) {
        return {};
    }
    // An article matches through its own text or through one of its annotations; the better
    // (lower) bm25 of the two ranks it. Titles weigh most.
    // A single plain word also finds the articles tagged with it; such a hit ranks like a good
    // title hit.
    const QString tagged = taggedHits(true);
    const QString sql = u"WITH hits(id, score) AS (SELECT id, min(score) FROM ("
                  u"SELECT rowid AS id, bm25(articles_fts, 10.0, 4.0, 1.0) AS score FROM articles_fts "
                  u"WHERE articles_fts MATCH %1 "
                  u"UNION ALL SELECT an.article_id, bm25(annotations_fts, 4.0, 4.0) FROM annotations_fts "
                  u"JOIN annotations an ON an.id = annotations_fts.rowid WHERE annotations_fts MATCH %2 "
                  // and through the full article stored for offline reading (0006_offline.sql)
                  u"UNION ALL SELECT rowid, bm25(article_full_fts) + 1.0 FROM article_full_fts "
                  u"WHERE article_full_fts MATCH %3"_s.arg(bind(m_fts.match), bind(m_fts.match), bind(m_fts.match))
        + tagged + u") GROUP BY id)"_s;
    return sql + u' ';
}

QString QueryBuilder::withHitIds()
{
    if (!ranked()) {
        return {};
    }
    // The same articles as withHits(), as a set: UNION drops duplicates without scoring a row.
    const QString tagged = taggedHits(false);
    return u"WITH hits(id) AS (SELECT rowid FROM articles_fts WHERE articles_fts MATCH %1 "
           u"UNION SELECT an.article_id FROM annotations_fts JOIN annotations an ON an.id = annotations_fts.rowid "
           u"WHERE annotations_fts MATCH %2 "
           u"UNION SELECT rowid FROM article_full_fts WHERE article_full_fts MATCH %3"_s.arg(
               bind(m_fts.match), bind(m_fts.match), bind(m_fts.match))
        + tagged + u") "_s;
}

QString QueryBuilder::textCount()
{
    if (!ranked()) {
        return {};
    }
    // |text ∪ extra| = |text| + |extra ∖ text|: FTS5 counts its own matches by walking its
    // doclist, with no set of ids to build; the other ways to match (annotations, stored full
    // articles, a tag of that name) are few, and only when there are some is the set built to
    // take out those that also match by text.
    return u"WITH extra(id) AS MATERIALIZED (SELECT an.article_id FROM annotations_fts "
           u"JOIN annotations an ON an.id = annotations_fts.rowid WHERE annotations_fts MATCH %1 "
           u"UNION SELECT rowid FROM article_full_fts WHERE article_full_fts MATCH %2"_s.arg(bind(m_fts.match),
                                                                                              bind(m_fts.match))
        + taggedHits(false)
        + u") SELECT (SELECT count(*) FROM articles_fts WHERE articles_fts MATCH %1) + (SELECT count(*) FROM extra "
          u"WHERE id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH %2))"_s.arg(bind(m_fts.match),
                                                                                                bind(m_fts.match));
}

QString QueryBuilder::withHits(const std::optional<ArticleCursor>& after, int limit)
{
    if (!rankedTextOnly()) {
        return withHits();
    }
    // Exact within the window: an article among the best `limit` after the cursor ranks there by
    // its own text (its article score is then among the best `limit` article scores) or by an
    // annotation, a stored full article or its tag (all of which stay in). The cursor follows the
    // page's order: score, then id.
    QString cursor;
    if (after) {
        const QString s = bind(after->score);
        cursor = u" WHERE (score > %1 OR (score = %1 AND id > %2))"_s.arg(s, bind(after->id));
    }
    QString window;
    QString articleHits;
    if (m_windowSize > 0) {
        // The window by count: its newest m_windowSize matches below until, scored in the same
        // pass that finds them (one walk of FTS5's doclist, not one to find where the window
        // begins and another to rank it). winfrom is where it begins (0: it holds the rest).
        const QString below = m_windowUntil > 0 ? u" AND rowid < "_s + bind(m_windowUntil) : QString();
        window = u"WITH win(id, score) AS MATERIALIZED (SELECT rowid, bm25(articles_fts, 10.0, 4.0, 1.0) "
                 u"FROM articles_fts WHERE articles_fts MATCH "_s
            + bind(m_fts.match) + below + u" ORDER BY rowid DESC LIMIT %1), "_s.arg(m_windowSize)
            + u"winfrom(v) AS (SELECT CASE WHEN count(*) >= %1 THEN min(id) ELSE 0 END FROM win), "_s.arg(m_windowSize);
        articleHits = u"SELECT id, score FROM win"_s;
    } else {
        articleHits = u"SELECT rowid AS id, bm25(articles_fts, 10.0, 4.0, 1.0) AS score FROM articles_fts "
                      u"WHERE articles_fts MATCH "_s
            + bind(m_fts.match) + windowRange(u"rowid"_s);
    }
    const QString tagged = taggedHits(true);
    const QString sql = (window.isEmpty() ? u"WITH "_s : window)
        + u"hits(id, score) AS (SELECT id, min(score) FROM (SELECT * FROM (SELECT id, score FROM ("_s
        + articleHits + u")"_s + cursor + u" ORDER BY score, id LIMIT %1)"_s.arg(qMax(1, limit))
        + u" UNION ALL SELECT an.article_id, bm25(annotations_fts, 4.0, 4.0) FROM annotations_fts "
          u"JOIN annotations an ON an.id = annotations_fts.rowid WHERE annotations_fts MATCH "_s
        + bind(m_fts.match) + windowRange(u"an.article_id"_s)
        // and every article that matches through its stored full article (0006_offline.sql)
        + u" UNION ALL SELECT rowid, bm25(article_full_fts) + 1.0 FROM article_full_fts WHERE article_full_fts MATCH "_s
        + bind(m_fts.match) + windowRange(u"rowid"_s) + tagged + u") GROUP BY id)"_s;
    return sql + u' ';
}

QString QueryBuilder::snippetCte()
{
    if (!ranked()) {
        return {};
    }
    // "+rowid" keeps FTS5 from turning the IN list into one rowid lookup (and query) per row.
    // The rowid range lets FTS5 skip the matches outside the page's ids instead of visiting all.
    return u", snips(id, snippet, pri) AS MATERIALIZED ("
           u"SELECT rowid, snippet(articles_fts, -1, char(2), char(3), '\u2026', 24), 0 FROM articles_fts "
           u"WHERE articles_fts MATCH %1 AND rowid >= (SELECT min(id) FROM page) "
           u"AND rowid <= (SELECT max(id) FROM page) AND +rowid IN (SELECT id FROM page) "
           u"UNION ALL SELECT an.article_id, snippet(annotations_fts, -1, char(2), char(3), '\u2026', 24), 1 "
           u"FROM annotations_fts JOIN annotations an ON an.id = annotations_fts.rowid "
           u"WHERE annotations_fts MATCH %2 AND an.article_id IN (SELECT id FROM page))"_s.arg(bind(m_fts.match),
                                                                                              bind(m_fts.match));
}

QString QueryBuilder::fromWhere(const std::optional<ArticleCursor>& after)
{
    QStringList conditions;
    const QString tagIn = u"SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE "_s;
    const bool driven = drivenByTag();
    const QString published = publishedColumn();
    const QString rowId = driven ? u"dt.article_id"_s : u"a.id"_s; // equal; the index holds dt's
    if (driven) {
        // The rows come from the first tag's index range in date order (its other tags, if any,
        // are tested per row), so a page costs its own rows, not the tag's size.
        conditions.append(u"dt.tag_id = (SELECT id FROM tags WHERE key = %1)"_s.arg(bind(tagKey(m_query.tags.first()))));
        for (qsizetype i = 1; i < m_query.tags.size(); ++i) {
            conditions.append(u"a.id IN ("_s + tagIn + u"t.key = %1)"_s.arg(bind(tagKey(m_query.tags.at(i)))));
        }
    } else if (!m_query.tags.isEmpty() && m_query.tagMatch == ArticleQuery::TagMatch::Any) {
        QStringList keys;
        for (const QString& tag : std::as_const(m_query.tags)) {
            keys.append(bind(tagKey(tag)));
        }
        conditions.append(u"a.id IN ("_s + tagIn + u"t.key IN (%1))"_s.arg(keys.join(u", "_s)));
    } else {
        for (const QString& tag : std::as_const(m_query.tags)) {
            conditions.append(u"a.id IN ("_s + tagIn + u"t.key = %1)"_s.arg(bind(tagKey(tag))));
        }
    }
    for (const QString& tag : std::as_const(m_query.excludedTags)) {
        conditions.append(u"a.id NOT IN ("_s + tagIn + u"t.key = %1)"_s.arg(bind(tagKey(tag))));
    }
    if (m_query.feedId) {
        // Through the feed's own sources row, so articles keep their feed when its URL moves.
        conditions.append(u"a.id IN (SELECT fs.article_id FROM article_sources fs JOIN feeds f "
                          u"ON f.source_id = fs.source_id WHERE f.id = %1)"_s.arg(bind(*m_query.feedId)));
    }
    for (const QString& author : std::as_const(m_query.authors)) {
        // Annotated by this team member (annotations.author is the author's role name).
        conditions.append(u"a.id IN (SELECT article_id FROM annotations WHERE author = %1 COLLATE NOCASE)"_s.arg(
            bind(author)));
    }
    if (m_fts.negativeOnly) {
        conditions.append(
            u"a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH %1)"_s.arg(bind(m_fts.match)));
    }
    if (m_query.since || m_query.until) {
        const QString column = dateColumn();
        QStringList range;
        if (m_query.since) {
            range.append(u"%1 >= %2"_s.arg(column, bind(*m_query.since)));
        }
        if (m_query.until) {
            range.append(u"%1 < %2"_s.arg(column, bind(*m_query.until)));
        }
        if (m_query.includeUndated && m_query.dateField == ArticleQuery::DateField::Published) {
            conditions.append(u"((%1) OR %2 IS NULL)"_s.arg(range.join(u" AND "_s), published));
        } else {
            conditions.append(range.join(u" AND "_s));
        }
    }
    if (m_query.bookmarkedOnly) {
        conditions.append(u"a.id IN (SELECT article_id FROM article_state WHERE bookmarked = 1)"_s);
    }
    if (m_query.offline) {
        // The same test as the article list's mark (and OfflineStore::status).
        conditions.append(OfflineStore::isOfflineSql() + (*m_query.offline ? u" = 1"_s : u" = 0"_s));
    }
    if (m_query.unreadOnly) {
        conditions.append(u"a.id NOT IN (SELECT article_id FROM article_state WHERE read = 1)"_s);
    }
    if (m_query.readOnly) {
        conditions.append(u"a.id IN (SELECT article_id FROM article_state WHERE read = 1)"_s);
    }
    if (m_query.annotatedOnly) {
        conditions.append(u"a.id IN (SELECT article_id FROM annotations)"_s);
    }
    if (m_query.notedOnly) {
        conditions.append(u"a.id IN (SELECT article_id FROM annotations WHERE coalesce(note, '') <> '')"_s);
    }
    if (after) {
        const QString id = bind(after->id);
        switch (sort()) {
        case ArticleQuery::Sort::DateDesc:
        case ArticleQuery::Sort::DateAsc: {
            // Undated rows come last in both directions, in import order.
            if (after->published && m_datedRowsOnly && sort() == ArticleQuery::Sort::DateDesc) {
                const QString p = bind(*after->published);
                conditions.append(u"(%1 <= %2 AND (%1 < %2 OR %3 > %4))"_s.arg(published, p, rowId, id));
            } else if (after->published) {
                const QString p = bind(*after->published);
                const QString cmp = sort() == ArticleQuery::Sort::DateDesc ? u"<"_s : u">"_s;
                conditions.append(
                    u"(%1 %2 %3 OR %1 IS NULL OR (%1 = %3 AND %4 > %5))"_s.arg(published, cmp, p, rowId, id));
            } else {
                conditions.append(u"(%1 IS NULL AND %2 > %3)"_s.arg(published, rowId, id));
            }
            break;
        }
        case ArticleQuery::Sort::TitleAsc:
        case ArticleQuery::Sort::TitleDesc: {
            // In title key order (schema 15; '' for an empty title). A row not keyed yet (NULL,
            // until StoryMerge::backfill() when the library opens) sorts before every key.
            const bool up = sort() == ArticleQuery::Sort::TitleAsc;
            const QString k = bind(StoryMerge::titleKey(after->title));
            conditions.append(up ? u"(a.title_key > %1 OR (a.title_key = %1 AND a.id > %2))"_s.arg(k, id)
                                 : u"(a.title_key < %1 OR (a.title_key = %1 AND a.id < %2) OR a.title_key IS NULL)"_s.arg(k, id));
            break;
        }
        case ArticleQuery::Sort::Relevance: {
            const QString s = bind(after->score);
            conditions.append(u"(h.score > %1 OR (h.score = %1 AND a.id > %2))"_s.arg(s, id));
            break;
        }
        }
    }
    QString sql = ranked() ? u" FROM articles a JOIN hits h ON h.id = a.id"_s
        : driven           ? u" FROM article_tags dt JOIN articles a ON a.id = dt.article_id"_s
                           : u" FROM articles a"_s;
    if (!conditions.isEmpty()) {
        sql += u" WHERE "_s + conditions.join(u" AND "_s);
    }
    return sql;
}

QString QueryBuilder::orderBy(const QString& scoreExpr, bool outer) const
{
    const bool driven = !outer && drivenByTag();
    const QString published = driven ? u"dt.published"_s : u"a.published"_s;
    const QString id = driven ? u"dt.article_id"_s : u"a.id"_s;
    switch (sort()) {
    case ArticleQuery::Sort::DateDesc:
        return u" ORDER BY %1 DESC, %2 ASC"_s.arg(published, id);
    case ArticleQuery::Sort::DateAsc:
        return u" ORDER BY %1 IS NULL, %1 ASC, %2 ASC"_s.arg(published, id);
    case ArticleQuery::Sort::TitleAsc:
        return u" ORDER BY a.title_key ASC, a.id ASC"_s;
    case ArticleQuery::Sort::TitleDesc:
        return u" ORDER BY a.title_key DESC, a.id DESC"_s;
    case ArticleQuery::Sort::Relevance:
        return u" ORDER BY "_s + scoreExpr + u" ASC, a.id ASC"_s;
    }
    return {};
}

void QueryBuilder::bindAll(QSqlQuery& q) const
{
    for (auto it = m_binds.cbegin(); it != m_binds.cend(); ++it) {
        q.bindValue(it.key(), it.value());
    }
}

} // namespace folio
