// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/QueryParser.h"

#include "storage/QueryBuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// text is a QT_TRANSLATE_NOOP("folio::QueryParser", …) literal; args fill its %1, %2.
template<typename... Args>
Error invalid(const char* text, const Args&... args)
{
    const QString message = QCoreApplication::translate("folio::QueryParser", text);
    if constexpr (sizeof...(Args) == 0) {
        return makeError(Error::Code::Invalid, message);
    } else {
        return makeError(Error::Code::Invalid, message.arg(args...));
    }
}

// Splits into raw tokens at white space outside quotes; quotes stay in the tokens.
QStringList splitTokens(const QString& text)
{
    QStringList tokens;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        }
        if (c.isSpace() && !quoted) {
            if (!current.isEmpty()) {
                tokens.append(current);
                current.clear();
            }
            continue;
        }
        current.append(c);
    }
    if (!current.isEmpty()) {
        tokens.append(current);
    }
    return tokens;
}

QString unquote(const QString& value)
{
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"')) {
        return value.mid(1, value.size() - 2);
    }
    if (value.startsWith(u'"')) {
        return value.mid(1);
    }
    return value;
}

/// Start of a UTC day or an exact UTC instant.
std::optional<qint64> parseInstant(const QString& text)
{
    const QDate day = QDate::fromString(text, u"yyyy-MM-dd"_s);
    if (day.isValid()) {
        return day.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    }
    const QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (when.isValid() && text.contains(u'T')) {
        return when.toSecsSinceEpoch();
    }
    return std::nullopt;
}

QString formatInstant(qint64 secs)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
    if (when.time() == QTime(0, 0)) {
        return when.date().toString(u"yyyy-MM-dd"_s);
    }
    return when.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

} // namespace

QString QueryParser::quoteValue(const QString& value)
{
    QString v = value;
    v.remove(u'"');
    if (v.isEmpty() || v.contains(QRegularExpression(u"\\s"_s))) {
        return u"\""_s + v + u"\""_s;
    }
    return v;
}

Result<ArticleQuery> QueryParser::parse(const QString& text)
{
    static const QRegularExpression keyed(u"^(-?)(tag|feed|is|has|published|added|match|undated|author|offline)(:|>=|<=|<|>)(.*)$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    ArticleQuery query;
    QStringList words;
    std::optional<ArticleQuery::DateField> dateField;
    for (const QString& token : splitTokens(text)) {
        const QRegularExpressionMatch m = keyed.match(token);
        if (!m.hasMatch()) {
            words.append(token);
            continue;
        }
        const bool negated = !m.captured(1).isEmpty();
        const QString key = m.captured(2).toLower();
        const QString op = m.captured(3);
        const QString value = unquote(m.captured(4));
        if (value.trimmed().isEmpty()) {
            return invalid(QT_TRANSLATE_NOOP("folio::QueryParser", "\u201c%1\u201d needs a value"), token);
        }
        if (negated && key != "tag"_L1) {
            return invalid(QT_TRANSLATE_NOOP("folio::QueryParser",
                               "\u201c-\u201d can only exclude a tag (-tag:NAME), not \u201c%1\u201d"),
                token);
        }
        if ((key == "tag"_L1 || key == "feed"_L1 || key == "is"_L1 || key == "has"_L1 || key == "match"_L1
             || key == "undated"_L1 || key == "author"_L1 || key == "offline"_L1)
            && op != ":"_L1) {
            return invalid(QT_TRANSLATE_NOOP("folio::QueryParser", "\u201c%1\u201d: use %2:VALUE"), token, key);
        }
        if (key == "tag"_L1) {
            (negated ? query.excludedTags : query.tags).append(value.simplified());
        } else if (key == "author"_L1) {
            query.authors.append(value.trimmed());
        } else if (key == "feed"_L1) {
            bool ok = false;
            const qint64 id = value.toLongLong(&ok);
            if (!ok || id <= 0) {
                return invalid(QT_TRANSLATE_NOOP("folio::QueryParser",
                                   "feed: needs a feed number (see folio-cli feeds), not \u201c%1\u201d"),
                    value);
            }
            query.feedId = id;
        } else if (key == "is"_L1) {
            const QString v = value.toLower();
            if (v == "unread"_L1) {
                query.unreadOnly = true;
            } else if (v == "read"_L1) {
                query.readOnly = true;
            } else if (v == "bookmarked"_L1) {
                query.bookmarkedOnly = true;
            } else {
                return invalid(
                    QT_TRANSLATE_NOOP("folio::QueryParser", "is: takes unread, read or bookmarked, not \u201c%1\u201d"),
                    value);
            }
        } else if (key == "has"_L1) {
            const QString v = value.toLower();
            if (v == "annotations"_L1 || v == "annotation"_L1 || v == "highlights"_L1) {
                query.annotatedOnly = true;
            } else if (v == "note"_L1 || v == "notes"_L1) {
                query.notedOnly = true;
            } else {
                return invalid(
                    QT_TRANSLATE_NOOP("folio::QueryParser", "has: takes annotations or note, not \u201c%1\u201d"),
                    value);
            }
        } else if (key == "offline"_L1) {
            const QString v = value.toLower();
            if (v == "yes"_L1 || v == "no"_L1) {
                query.offline = v == "yes"_L1;
            } else {
                return invalid(QT_TRANSLATE_NOOP("folio::QueryParser", "offline: takes yes or no, not \u201c%1\u201d"),
                               value);
            }
        } else if (key == "match"_L1) {
            const QString v = value.toLower();
            if (v == "any"_L1) {
                query.tagMatch = ArticleQuery::TagMatch::Any;
            } else if (v == "all"_L1) {
                query.tagMatch = ArticleQuery::TagMatch::All;
            } else {
                return invalid(
                    QT_TRANSLATE_NOOP("folio::QueryParser", "match: takes any or all, not \u201c%1\u201d"), value);
            }
        } else if (key == "undated"_L1) {
            const QString v = value.toLower();
            if (v == "include"_L1 || v == "yes"_L1) {
                query.includeUndated = true;
            } else if (v == "exclude"_L1 || v == "no"_L1) {
                query.includeUndated = false;
            } else {
                return invalid(
                    QT_TRANSLATE_NOOP("folio::QueryParser", "undated: takes include or exclude, not \u201c%1\u201d"),
                    value);
            }
        } else {
            const auto field = key == "added"_L1 ? ArticleQuery::DateField::Added : ArticleQuery::DateField::Published;
            if (dateField && *dateField != field) {
                return invalid(QT_TRANSLATE_NOOP(
                    "folio::QueryParser", "a search can filter on published or on added dates, not both"));
            }
            dateField = field;
            const auto instant = parseInstant(value);
            if (!instant) {
                return invalid(
                    QT_TRANSLATE_NOOP("folio::QueryParser", "\u201c%1\u201d: a date is YYYY-MM-DD, not \u201c%2\u201d"),
                    token, value);
            }
            const bool isDay = QDate::fromString(value, u"yyyy-MM-dd"_s).isValid();
            constexpr qint64 kDay = 24 * 60 * 60;
            if (op == ":"_L1) {
                if (!isDay) {
                    return invalid(
                        QT_TRANSLATE_NOOP("folio::QueryParser", "\u201c%1\u201d: %2: takes a day (YYYY-MM-DD)"), token,
                        key);
                }
                query.since = *instant;
                query.until = *instant + kDay;
            } else if (op == ">="_L1) {
                query.since = *instant;
            } else if (op == ">"_L1) {
                query.since = *instant + (isDay ? kDay : 1);
            } else if (op == "<"_L1) {
                query.until = *instant;
            } else { // "<="
                query.until = *instant + (isDay ? kDay : 1);
            }
        }
    }
    if (dateField) {
        query.dateField = *dateField;
    }
    query.text = words.join(u' ');
    // Free text that cannot be searched is reported here, before any SQL runs.
    if (auto fts = QueryBuilder::compileText(query.text); !fts) {
        return fts.error();
    }
    return query;
}

QString QueryParser::format(const ArticleQuery& query)
{
    QStringList parts;
    for (const QString& tag : query.tags) {
        parts.append(u"tag:"_s + quoteValue(tag));
    }
    for (const QString& tag : query.excludedTags) {
        parts.append(u"-tag:"_s + quoteValue(tag));
    }
    if (query.tagMatch == ArticleQuery::TagMatch::Any) {
        parts.append(u"match:any"_s);
    }
    if (query.feedId) {
        parts.append(u"feed:%1"_s.arg(*query.feedId));
    }
    for (const QString& author : query.authors) {
        parts.append(u"author:"_s + quoteValue(author));
    }
    const QString field = query.dateField == ArticleQuery::DateField::Added ? u"added"_s : u"published"_s;
    if (query.since) {
        parts.append(field + u">="_s + formatInstant(*query.since));
    }
    if (query.until) {
        parts.append(field + u"<"_s + formatInstant(*query.until));
    }
    if (query.includeUndated) {
        parts.append(u"undated:include"_s);
    }
    if (query.unreadOnly) {
        parts.append(u"is:unread"_s);
    }
    if (query.readOnly) {
        parts.append(u"is:read"_s);
    }
    if (query.bookmarkedOnly) {
        parts.append(u"is:bookmarked"_s);
    }
    if (query.annotatedOnly) {
        parts.append(u"has:annotations"_s);
    }
    if (query.notedOnly) {
        parts.append(u"has:note"_s);
    }
    if (query.offline) {
        parts.append(*query.offline ? u"offline:yes"_s : u"offline:no"_s);
    }
    const QString text = query.text.simplified();
    if (!text.isEmpty()) {
        parts.append(text);
    }
    return parts.join(u' ');
}

} // namespace folio
