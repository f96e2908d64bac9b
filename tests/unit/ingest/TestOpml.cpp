// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/OpmlParser.h"
#include "ingest/OpmlWriter.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using folio::OpmlDocument;
using folio::OpmlOutline;
using folio::OpmlParser;
using folio::OpmlWriter;

class TestOpml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsOpml10();
    void readsOpml20WithNestedFolders();
    void readsCategoryAttributeEntries();
    void recordsTheLineOfEachOutline();
    void writesOpml20();
    void roundTripsWriteThenParse();
    void escapesTitlesAndReplacesCommasInCategories();
    void rejectsOtherRootElements();
    void reportsTruncatedOpmlWithLine();
    void refusesBillionLaughs();
    void survivesDeeplyNestedOutlines();
};

namespace {

OpmlDocument parseOk(const QByteArray& bytes)
{
    auto result = OpmlParser::parse(bytes, u"subs.opml"_s);
    if (!result) {
        qWarning("unexpected error: %s", qPrintable(result.error().toString()));
        return {};
    }
    return std::move(result).value();
}

OpmlOutline outline(const QString& title, const QString& xmlUrl, const QString& htmlUrl, const QStringList& folders,
                    const QStringList& categories = {})
{
    OpmlOutline o;
    o.title = title;
    o.xmlUrl = xmlUrl;
    o.htmlUrl = htmlUrl;
    o.folders = folders;
    o.categories = categories;
    return o;
}

} // namespace

void TestOpml::readsOpml10()
{
    const OpmlDocument doc = parseOk(folio::test::readData(u"opml/subscriptions-opml10.xml"_s));
    QCOMPARE(doc.version, u"1.0"_s);
    QCOMPARE(doc.title, u"Mijn abonnementen"_s);
    QCOMPARE(doc.outlines.size(), 3); // the javascript: outline is dropped
    QCOMPARE(doc.outlines.at(0).title, u"Zonder map"_s);
    QCOMPARE(doc.outlines.at(0).xmlUrl, u"https://solo.example.org/rss.xml"_s);
    QCOMPARE(doc.outlines.at(0).htmlUrl, u"https://solo.example.org/"_s);
    QCOMPARE(doc.outlines.at(0).folders, QStringList());
    QCOMPARE(doc.outlines.at(1).title, u"Oude Nieuwsbrief"_s); // title attribute when there is no text
    QCOMPARE(doc.outlines.at(1).xmlUrl, u"http://old.example.org/rss.xml"_s); // xmlURL spelling
    QCOMPARE(doc.outlines.at(1).folders, QStringList{u"Nieuws"_s});
    QCOMPARE(doc.outlines.at(2).xmlUrl, u"http://feedscheme.example.org/atom"_s); // feed:// rewritten
    QCOMPARE(doc.outlines.at(2).folders, QStringList{u"Nieuws"_s});
}

void TestOpml::readsOpml20WithNestedFolders()
{
    const OpmlDocument doc = parseOk(folio::test::readData(u"opml/subscriptions-opml20.xml"_s));
    QCOMPARE(doc.version, u"2.0"_s);
    QCOMPARE(doc.title, u"Centraal-Azië & China"_s);
    QCOMPARE(doc.outlines.size(), 4);
    QCOMPARE(doc.outlines.at(0).title, u"Steppe & Zijderoute"_s);
    QCOMPARE(doc.outlines.at(0).xmlUrl, u"https://blog.example.com/central-asia/feed.atom"_s);
    QCOMPARE(doc.outlines.at(0).htmlUrl, u"https://blog.example.com/central-asia/"_s);
    QCOMPARE(doc.outlines.at(0).folders, (QStringList{u"Regio"_s, u"Centraal-Azië"_s}));
    QCOMPARE(doc.outlines.at(1).title, u"Pamir Dagboek"_s);
    QCOMPARE(doc.outlines.at(1).folders, (QStringList{u"Regio"_s, u"Centraal-Azië"_s}));
    QCOMPARE(doc.outlines.at(1).htmlUrl, QString());
    QCOMPARE(doc.outlines.at(2).title, u"Kaspische Zee"_s);
    QCOMPARE(doc.outlines.at(2).folders, (QStringList{u"Regio"_s, u"China"_s}));
    QCOMPARE(doc.outlines.at(3).title, u"Los"_s);
    QCOMPARE(doc.outlines.at(3).folders, QStringList());
}

void TestOpml::readsCategoryAttributeEntries()
{
    const OpmlDocument doc = parseOk(folio::test::readData(u"opml/subscriptions-opml20.xml"_s));
    QVERIFY(!doc.outlines.isEmpty());
    QCOMPARE(doc.outlines.at(0).categories, (QStringList{u"Kirgizië"_s, u"Reizen/Winter"_s}));
    QCOMPARE(doc.outlines.at(1).categories, QStringList());
}

void TestOpml::recordsTheLineOfEachOutline()
{
    const OpmlDocument doc = parseOk(folio::test::readData(u"opml/subscriptions-opml20.xml"_s));
    QCOMPARE(doc.outlines.size(), 4);
    QCOMPARE(doc.outlines.at(0).line, 14); // where its (multi-line) start tag ends
    QCOMPARE(doc.outlines.at(1).line, 15);
    QCOMPARE(doc.outlines.at(2).line, 18);
    QCOMPARE(doc.outlines.at(3).line, 22);
}

void TestOpml::writesOpml20()
{
    const QList<OpmlOutline> outlines{
        outline(u"Los"_s, u"https://a.example/feed"_s, QString(), {}),
        outline(u"Steppe"_s, u"https://b.example/atom"_s, u"https://b.example/"_s, {u"Regio"_s, u"Azië"_s},
                {u"Kirgizië"_s, u"Reizen/Winter"_s}),
    };
    const QDateTime created(QDate(2024, 1, 5), QTime(10, 15), QTimeZone::utc());
    const QString xml = QString::fromUtf8(OpmlWriter::write(outlines, u"Export"_s, created));
    const QString expected = uR"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Export</title>
    <dateCreated>Fri, 05 Jan 2024 10:15:00 GMT</dateCreated>
  </head>
  <body>
    <outline type="rss" text="Los" title="Los" xmlUrl="https://a.example/feed"/>
    <outline text="Regio" title="Regio">
      <outline text="Azië" title="Azië">
        <outline type="rss" text="Steppe" title="Steppe" xmlUrl="https://b.example/atom" htmlUrl="https://b.example/" category="/Kirgizië,/Reizen/Winter"/>
      </outline>
    </outline>
  </body>
</opml>
)"_s;
    QCOMPARE(xml, expected);
}

void TestOpml::roundTripsWriteThenParse()
{
    const QList<OpmlOutline> outlines{
        outline(u"Een & twee <drie>"_s, u"https://a.example/feed?x=1&y=2"_s, u"https://a.example/"_s,
                {u"Nieuws"_s}, {u"Politiek"_s}),
        outline(u"Top"_s, u"https://d.example/rss"_s, QString(), {}),
        outline(u"Diep"_s, u"https://b.example/rss"_s, QString(), {u"Nieuws"_s, u"Azië"_s, u"Kazachstan"_s}),
        outline(u"Weer terug"_s, u"https://c.example/rss"_s, QString(), {u"Nieuws"_s}, {u"Een"_s, u"Twee"_s}),
    };
    const OpmlDocument doc = parseOk(OpmlWriter::write(outlines, u"Rondje"_s));
    QCOMPARE(doc.version, u"2.0"_s);
    QCOMPARE(doc.title, u"Rondje"_s);
    QCOMPARE(doc.outlines.size(), outlines.size());
    // Feeds are grouped by folder, folders and feeds in order of first appearance:
    // Nieuws (Een & twee, Azië/Kazachstan (Diep), Weer terug), then Top.
    const QList<int> order{0, 2, 3, 1};
    for (qsizetype i = 0; i < order.size(); ++i) {
        const OpmlOutline& want = outlines.at(order.at(i));
        const OpmlOutline& got = doc.outlines.at(i);
        QCOMPARE(got.title, want.title);
        QCOMPARE(got.xmlUrl, want.xmlUrl);
        QCOMPARE(got.htmlUrl, want.htmlUrl);
        QCOMPARE(got.folders, want.folders);
        QCOMPARE(got.categories, want.categories);
    }
}

void TestOpml::escapesTitlesAndReplacesCommasInCategories()
{
    const QByteArray xml = OpmlWriter::write(
        {outline(u"\"Quotes\" & <tags>"_s, u"https://q.example/"_s, QString(), {u"A, B"_s}, {u"x,y"_s})}, u"t"_s);
    const OpmlDocument doc = parseOk(xml);
    QCOMPARE(doc.outlines.size(), 1);
    QCOMPARE(doc.outlines.at(0).title, u"\"Quotes\" & <tags>"_s);
    QCOMPARE(doc.outlines.at(0).folders, QStringList{u"A, B"_s});
    QCOMPARE(doc.outlines.at(0).categories, QStringList{u"x y"_s});
}

void TestOpml::rejectsOtherRootElements()
{
    const auto result = OpmlParser::parse(folio::test::readData(u"feeds/rss091.xml"_s), u"rss091.xml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"rss091.xml"_s);
    QVERIFY(result.error().message.contains(u"not an OPML document"_s));
}

void TestOpml::reportsTruncatedOpmlWithLine()
{
    const auto result = OpmlParser::parse("<opml version=\"2.0\">\n<body>\n<outline text=\"a\">\n<outline text=\"b\" "
                                          "xmlUrl=\"https://b.example/\"/>\n",
                                          u"cut.opml"_s);
    QVERIFY(!result);
    QCOMPARE(result.error().file, u"cut.opml"_s);
    QCOMPARE(result.error().line, 5);
}

void TestOpml::refusesBillionLaughs()
{
    QByteArray doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n<!ENTITY a \"aaaaaaaaaa\">\n";
    QByteArray previous = "a";
    for (const char* name : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
        doc += "<!ENTITY " + QByteArray(name) + " \"" + QByteArray("&" + previous + ";").repeated(10) + "\">\n";
        previous = name;
    }
    doc += "]>\n<opml version=\"2.0\"><head><title>&i;</title></head><body/></opml>";
    QElapsedTimer timer;
    timer.start();
    const auto result = OpmlParser::parse(doc, u"lol.opml"_s);
    QVERIFY(!result);
    QVERIFY(timer.elapsed() < 2000);
}

void TestOpml::survivesDeeplyNestedOutlines()
{
    constexpr int depth = 100'000;
    QByteArray doc = "<opml version=\"2.0\"><body>";
    for (int i = 0; i < depth; ++i) {
        doc += "<outline text=\"f\">";
    }
    doc += "<outline text=\"deep\" xmlUrl=\"https://deep.example/\"/>";
    for (int i = 0; i < depth; ++i) {
        doc += "</outline>";
    }
    doc += "</body></opml>";
    const OpmlDocument parsed = parseOk(doc);
    QCOMPARE(parsed.outlines.size(), 1);
    QCOMPARE(parsed.outlines.at(0).folders.size(), 32); // deeper levels fold into the deepest kept one
}

QTEST_APPLESS_MAIN(TestOpml)
#include "TestOpml.moc"
