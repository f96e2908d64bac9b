// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/QueryBuilder.h"
#include "storage/QueryParser.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace folio;

class TestQueryParser : public QObject
{
    Q_OBJECT

private:
    static qint64 day(int y, int m, int d)
    {
        return QDate(y, m, d).startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
    }

private Q_SLOTS:
    void parsesTheExample()
    {
        const auto q = QueryParser::parse(
            u"tag:Kazachstan published>=2024-01-01 \"groene energie\" -tag:archief"_s);
        QVERIFY(q.hasValue());
        QCOMPARE(q->tags, QStringList{u"Kazachstan"_s});
        QCOMPARE(q->excludedTags, QStringList{u"archief"_s});
        QCOMPARE(q->since, std::optional<qint64>(day(2024, 1, 1)));
        QVERIFY(!q->until);
        QCOMPARE(q->text, u"\"groene energie\""_s);
        QCOMPARE(q->dateField, ArticleQuery::DateField::Published);
    }

    void parsesEveryKey()
    {
        const auto q = QueryParser::parse(u"TAG:\"Centraal-Azië\" tag:China match:any feed:12 is:unread "
                                          u"is:bookmarked added>=2024-02-01 added<=2024-02-29 undated:include "
                                          u"astana OR almaty -steppe"_s);
        QVERIFY2(q.hasValue(), qPrintable(q ? QString() : q.error().message));
        QCOMPARE(q->tags, (QStringList{u"Centraal-Azië"_s, u"China"_s}));
        QCOMPARE(q->tagMatch, ArticleQuery::TagMatch::Any);
        QCOMPARE(q->feedId, std::optional<qint64>(12));
        QVERIFY(q->unreadOnly);
        QVERIFY(q->bookmarkedOnly);
        QVERIFY(!q->readOnly);
        QVERIFY(q->includeUndated);
        QCOMPARE(q->dateField, ArticleQuery::DateField::Added);
        QCOMPARE(q->since, std::optional<qint64>(day(2024, 2, 1)));
        QCOMPARE(q->until, std::optional<qint64>(day(2024, 3, 1)));
        QCOMPARE(q->text, u"astana OR almaty -steppe"_s);

        const auto single = QueryParser::parse(u"published:2024-05-04 is:read"_s);
        QCOMPARE(single->since, std::optional<qint64>(day(2024, 5, 4)));
        QCOMPARE(single->until, std::optional<qint64>(day(2024, 5, 5)));
        QVERIFY(single->readOnly);
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("example") << u"tag:Kazachstan -tag:archief published>=2024-01-01 \"groene energie\""_s;
        QTest::newRow("spaces in tag") << u"tag:\"groene energie\" match:any tag:China"_s;
        QTest::newRow("range") << u"published>=2024-01-01 published<2024-02-01 undated:include"_s;
        QTest::newRow("instant") << u"added>=2024-01-01T10:30:00Z is:unread is:bookmarked"_s;
        QTest::newRow("flags") << u"feed:3 is:read samenwerk* NOT china"_s;
        QTest::newRow("author") << u"author:alice author:\"Bob B\" tag:China"_s;
        QTest::newRow("text only") << u"astana OR almaty \"driedaags bezoek\" -steppe"_s;
    }

    void roundTrips()
    {
        QFETCH(QString, text);
        const auto q = QueryParser::parse(text);
        QVERIFY2(q.hasValue(), qPrintable(q ? QString() : q.error().message));
        const QString formatted = QueryParser::format(q.value());
        const auto again = QueryParser::parse(formatted);
        QVERIFY2(again.hasValue(), qPrintable(formatted));
        QVERIFY2(again.value() == q.value(), qPrintable(formatted));
        QCOMPARE(QueryParser::format(again.value()), formatted);
    }

    void formatsBuiltQueries()
    {
        ArticleQuery q;
        q.tags = {u"Centraal-Azië"_s, u"groene energie"_s};
        q.since = day(2024, 1, 1);
        q.until = day(2024, 1, 1) + 3600; // not a day boundary: written as an instant
        q.text = u"astana"_s;
        const QString text = QueryParser::format(q);
        QCOMPARE(text, u"tag:Centraal-Azië tag:\"groene energie\" published>=2024-01-01 "
                       u"published<2024-01-01T01:00:00Z astana"_s);
        QVERIFY(QueryParser::parse(text).value() == q);
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad date") << u"published>=gisteren"_s << u"gisteren"_s;
        QTest::newRow("bad is") << u"is:gelezen"_s << u"gelezen"_s;
        QTest::newRow("bad feed") << u"feed:abc"_s << u"abc"_s;
        QTest::newRow("empty tag") << u"tag:"_s << u"tag:"_s;
        QTest::newRow("negated key") << u"-is:read"_s << u"-is:read"_s;
        QTest::newRow("tag with >=") << u"tag>=x"_s << u"tag"_s;
        QTest::newRow("both date fields") << u"added>=2024-01-01 published<2024-02-01"_s << u"added"_s;
        QTest::newRow("dangling OR") << u"astana OR"_s << u"OR"_s;
        QTest::newRow("leading OR") << u"OR astana"_s << u"OR"_s;
        QTest::newRow("dangling NOT") << u"astana NOT"_s << u"NOT"_s;
        QTest::newRow("OR excluded") << u"astana OR -almaty"_s << u"OR"_s;
    }

    void reportsErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto q = QueryParser::parse(text);
        QVERIFY(!q.hasValue());
        QCOMPARE(q.error().code, Error::Code::Invalid);
        QVERIFY2(q.error().message.contains(mentions), qPrintable(q.error().message));
    }

    void compilesTextSafelyForFts()
    {
        QCOMPARE(QueryBuilder::compileText(u"astana"_s).value().match, u"\"astana\"*"_s);
        QCOMPARE(QueryBuilder::compileText(u"samenwerk*"_s).value().match, u"\"samenwerk\"*"_s);
        QCOMPARE(QueryBuilder::compileText(u"\"driedaags bezoek\""_s).value().match, u"\"driedaags bezoek\""_s);
        QCOMPARE(QueryBuilder::compileText(u"a OR b c"_s).value().match, u"(\"a\"* OR \"b\"*) AND \"c\"*"_s);
        QCOMPARE(QueryBuilder::compileText(u"a -b NOT c"_s).value().match, u"(\"a\"*) NOT \"b\"* NOT \"c\"*"_s);
        const auto negative = QueryBuilder::compileText(u"-b"_s).value();
        QVERIFY(negative.negativeOnly);
        QCOMPARE(negative.match, u"\"b\"*"_s);
        // Syntax characters stay inside quotes; an unclosed quote runs to the end.
        QCOMPARE(QueryBuilder::compileText(u"col:umn NEAR(x"_s).value().match,
                 u"\"col:umn\"* AND \"NEAR\"* AND \"x\"*"_s);
        QCOMPARE(QueryBuilder::compileText(u"\"open phrase"_s).value().match, u"\"open phrase\""_s);
        QVERIFY(QueryBuilder::compileText(u"( ) * \" -"_s).value().match.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestQueryParser)
#include "TestQueryParser.moc"
