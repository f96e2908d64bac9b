// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// folio-gen: deterministic test data for the benchmarks. The same seed gives the same bytes on
// every platform (its own random numbers, no std:: distributions).
//
//   folio-gen rss --items N [--files K] [--seed S] --out DIR     RSS 2.0 files feed-01.xml ... (K files)
//   folio-gen library --items N [--seed S] --profile DIR         a library built directly (no XML)
//
// Items: a title of 6-12 words, a link and guid, a date in the ten years 2016-2025, 1-4 of 200
// tags (Dutch place and theme names), a plain summary, and 0.3-1.5 KB of HTML with paragraphs,
// links and images (content:encoded).
#include "storage/Database.h"
#include "storage/Importer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>

#include <array>
#include <cstdio>
#include <iterator>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

// splitmix64: tiny, fast, and the same everywhere.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    // Zipf-like: small indexes are much more common (frequent words).
    int skewed(int n)
    {
        const quint64 a = static_cast<quint64>(below(n));
        const quint64 b = static_cast<quint64>(below(n));
        return static_cast<int>(a * b / static_cast<quint64>(n));
    }

private:
    quint64 m_state;
};

const std::array<const char*, 50> kPlaces = {
    "Kazachstan", "Oezbekistan", "Kirgizië", "Tadzjikistan", "Turkmenistan", "Afghanistan", "Mongolië",
    "Xinjiang", "Tibet", "Peking", "Sjanghai", "Astana", "Almaty", "Tasjkent", "Bisjkek", "Doesjanbe",
    "Asjchabad", "Samarkand", "Boechara", "Ürümqi", "Kasjgar", "Lhasa", "Ulaanbaatar", "Kaboel", "Herat",
    "Iran", "Pakistan", "India", "Rusland", "Siberië", "Georgië", "Armenië", "Azerbeidzjan", "Turkije",
    "Kaspische Zee", "Aralmeer", "Pamir", "Fergana", "Hongkong", "Taiwan", "Wuhan", "Chongqing",
    "Kanton", "Xi'an", "Lanzhou", "Kunming", "Harbin", "Qinghai", "Gansu", "Yunnan"};

const std::array<const char*, 50> kThemes = {
    "Handel", "Energie", "Gas", "Olie", "Waterstof", "Spoorlijnen", "Zijderoute", "Diplomatie", "Verkiezingen",
    "Mensenrechten", "Religie", "Islam", "Boeddhisme", "Cultuur", "Film", "Muziek", "Sport", "Onderwijs",
    "Gezondheid", "Klimaat", "Water", "Landbouw", "Katoen", "Mijnbouw", "Uranium", "Goud", "Technologie",
    "Internet", "Censuur", "Media", "Defensie", "Grenzen", "Migratie", "Toerisme", "Economie", "Inflatie",
    "Banken", "Investeringen", "Infrastructuur", "Havens", "Luchtvaart", "Corruptie", "Justitie", "Protest",
    "Minderheden", "Taal", "Geschiedenis", "Archeologie", "Wetenschap", "Ruimtevaart"};

// About 300 words; the first ones are the most frequent (skewed draws).
constexpr const char* kWords[] = {
    "de", "het", "een", "en", "van", "in", "op", "met", "voor", "regering", "niet", "dat", "over", "door",
    "nieuwe", "president", "minister", "volgens", "land", "jaar", "grote", "stad", "mensen", "bij",
    "economische", "samenwerking", "miljard", "dollar", "gaat", "werd", "heeft", "zijn", "naar", "om",
    "tussen", "na", "tegen", "onder", "meer", "dan", "ook", "nog", "al", "grens", "bezoek", "akkoord",
    "project", "bouw", "leiding", "pijpleiding", "spoorweg", "haven", "export", "import", "bedrijven",
    "investering", "studenten", "universiteit", "regio", "provincie", "hoofdstad", "parlement", "partij",
    "oppositie", "demonstranten", "politie", "rechtbank", "journalisten", "krant", "televisie", "website",
    "rapport", "onderzoek", "deskundigen", "analisten", "buurlanden", "westerse", "Chinese", "Russische",
    "Centraal-Aziatische", "delegatie", "top", "conferentie", "verdrag", "sancties", "wapens", "leger",
    "oefening", "droogte", "overstroming", "aardbeving", "oogst", "prijzen", "lonen", "werkloosheid",
    "vrouwen", "kinderen", "scholen", "ziekenhuis", "vaccin", "festival", "tentoonstelling", "museum",
    "tempel", "moskee", "klooster", "woestijn", "bergen", "rivier", "meer", "steppe", "winter", "zomer",
    "historische", "officieel", "gisteren", "vandaag", "morgen", "volgende", "vorige", "week"};

constexpr qint64 kFirstDate = 1451606400; // 2016-01-01T00:00:00Z
constexpr qint64 kTenYears = 315532800;   // to 2025-12-31

QString tagName(int index)
{
    if (index < 50) {
        return QString::fromUtf8(kPlaces[static_cast<size_t>(index)]);
    }
    if (index < 100) {
        return QString::fromUtf8(kThemes[static_cast<size_t>(index - 50)]);
    }
    // 100 combinations "Handel in Kazachstan".
    const int k = index - 100;
    return QString::fromUtf8(kThemes[static_cast<size_t>(k % 50)]) + u" in "_s
        + QString::fromUtf8(kPlaces[static_cast<size_t>((k * 7) % 50)]);
}

QString sentence(Random& r, int words, bool capital)
{
    QString s;
    for (int i = 0; i < words; ++i) {
        if (i > 0) {
            s += u' ';
        }
        if (r.below(9) == 0) {
            s += QString::fromUtf8(kPlaces[static_cast<size_t>(r.below(50))]);
        } else {
            s += QString::fromUtf8(kWords[static_cast<size_t>(r.skewed(static_cast<int>(std::size(kWords))))]);
        }
    }
    if (capital && !s.isEmpty()) {
        s[0] = s[0].toUpper();
    }
    return s;
}

FeedItem makeItem(quint64 seed, qint64 index)
{
    Random r(seed * 1000003ULL + static_cast<quint64>(index));
    FeedItem item;
    const QString place = QString::fromUtf8(kPlaces[static_cast<size_t>(r.below(50))]);
    item.title = place + u": "_s + sentence(r, 5 + r.below(7), false);
    item.link = u"https://nieuws.example.nl/artikel/%1-%2"_s.arg(index).arg(r.next() % 100000);
    item.id = item.link;
    item.published = QDateTime::fromSecsSinceEpoch(kFirstDate + static_cast<qint64>(r.next() % kTenYears),
                                                    QTimeZone::utc());
    item.author = u"Redactie %1"_s.arg(QString::fromUtf8(kThemes[static_cast<size_t>(r.below(50))]));
    const int tags = 1 + r.below(4);
    for (int t = 0; t < tags; ++t) {
        const QString name = tagName(r.below(200));
        if (!item.tags.contains(name)) {
            item.tags.append(name);
        }
    }
    item.summary = sentence(r, 12 + r.below(14), true) + u'.';
    // HTML body: 300-1500 bytes of paragraphs, with links and sometimes an image.
    const int target = 300 + r.below(1200);
    QString html;
    while (html.size() < target) {
        QString paragraph = u"<p>"_s + sentence(r, 8 + r.below(16), true);
        if (r.below(3) == 0) {
            paragraph += u" <a href=\"https://nieuws.example.nl/dossier/%1\">%2</a>"_s.arg(r.below(500)).arg(
                sentence(r, 2, false));
        }
        paragraph += u".</p>"_s;
        if (r.below(5) == 0) {
            paragraph += u"<img src=\"https://beeld.example.nl/%1.jpg\" alt=\"%2\">"_s.arg(r.next() % 1000000).arg(place);
        }
        if (!html.isEmpty() && html.size() + paragraph.size() > target + 40) {
            break;
        }
        html += paragraph;
    }
    item.contentHtml = html;
    return item;
}

QString xmlEscaped(const QString& s)
{
    return s.toHtmlEscaped();
}

QByteArray rssItem(const FeedItem& item)
{
    QString out = u"<item>\n<title>"_s + xmlEscaped(item.title) + u"</title>\n<link>"_s + item.link
        + u"</link>\n<guid isPermaLink=\"true\">"_s + item.id + u"</guid>\n<pubDate>"_s
        + item.published.toString(Qt::RFC2822Date) + u"</pubDate>\n<dc:creator>"_s + xmlEscaped(item.author)
        + u"</dc:creator>\n"_s;
    for (const QString& tag : item.tags) {
        out += u"<category>"_s + xmlEscaped(tag) + u"</category>\n"_s;
    }
    out += u"<description>"_s + xmlEscaped(item.summary) + u"</description>\n<content:encoded><![CDATA["_s
        + item.contentHtml + u"]]></content:encoded>\n</item>\n"_s;
    return out.toUtf8();
}

int writeRss(quint64 seed, qint64 items, int files, const QString& outDir)
{
    if (!QDir().mkpath(outDir)) {
        std::fprintf(stderr, "folio-gen: cannot create %s\n", qPrintable(outDir));
        return 1;
    }
    const qint64 perFile = (items + files - 1) / files;
    qint64 index = 0;
    for (int f = 1; f <= files; ++f) {
        QFile file(QDir(outDir).filePath(u"feed-%1.xml"_s.arg(f, 2, 10, QChar(u'0'))));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "folio-gen: %s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 1;
        }
        QByteArray head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n";
        head += "<title>Nieuws uit Azi\xC3\xAB " + QByteArray::number(f) + "</title>\n";
        head += "<link>https://nieuws.example.nl/feed/" + QByteArray::number(f) + "</link>\n";
        head += "<description>Generated by folio-gen (seed " + QByteArray::number(seed) + ")</description>\n";
        file.write(head);
        const qint64 end = qMin(items, index + perFile);
        for (; index < end; ++index) {
            file.write(rssItem(makeItem(seed, index)));
        }
        file.write("</channel>\n</rss>\n");
        if (!file.flush()) {
            std::fprintf(stderr, "folio-gen: %s: %s\n", qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 1;
        }
    }
    return 0;
}

int buildLibrary(quint64 seed, qint64 items, const QString& profile)
{
    if (!QDir().mkpath(profile)) {
        std::fprintf(stderr, "folio-gen: cannot create %s\n", qPrintable(profile));
        return 1;
    }
    const QString path = QDir(profile).filePath(Database::fileName());
    if (auto r = Database::prepare(path); !r) {
        std::fprintf(stderr, "folio-gen: %s\n", qPrintable(r.error().message));
        return 1;
    }
    auto db = Database::connection(path);
    if (!db) {
        std::fprintf(stderr, "folio-gen: %s\n", qPrintable(db.error().message));
        return 1;
    }
    // Ten "feeds", stored through the same prepare and store stages as an import, 10,000 items a transaction.
    constexpr qint64 kChunk = 10000;
    for (qint64 start = 0; start < items; start += kChunk) {
        ParsedFeed feed;
        feed.format = u"rss2.0"_s;
        const int f = static_cast<int>((start / kChunk) % 10) + 1;
        feed.title = u"Nieuws uit Azië %1"_s.arg(f);
        feed.link = u"https://nieuws.example.nl/feed/%1"_s.arg(f);
        for (qint64 i = start; i < qMin(items, start + kChunk); ++i) {
            feed.items.append(makeItem(seed, i));
        }
        // The prepare stage on all cores, then the store stage, as ImportPipeline does for a file.
        PreparedImport prepared;
        prepared.target = Importer::target(feed, u"folio-gen"_s);
        prepared.origin = u"folio-gen"_s;
        prepared.format = feed.format;
        const ImportTarget& target = prepared.target;
        prepared.items = QtConcurrent::blockingMapped<std::vector<PreparedItem>>(
            feed.items, [&target](const FeedItem& item) { return Importer::prepare(item, target); });
        auto report = Importer(db.value()).store(prepared);
        if (!report) {
            std::fprintf(stderr, "folio-gen: %s\n", qPrintable(report.error().toString()));
            return 1;
        }
    }
    Database::closeConnection(path);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Deterministic feed files and libraries for the Folio benchmarks."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"mode"_s, u"rss or library"_s);
    const QCommandLineOption itemsOpt(u"items"_s, u"number of items"_s, u"N"_s, u"10000"_s);
    const QCommandLineOption filesOpt(u"files"_s, u"number of RSS files (rss)"_s, u"K"_s, u"1"_s);
    const QCommandLineOption seedOpt(u"seed"_s, u"random seed"_s, u"S"_s, u"1"_s);
    const QCommandLineOption outOpt(u"out"_s, u"output folder (rss)"_s, u"DIR"_s);
    const QCommandLineOption profileOpt(u"profile"_s, u"profile folder to create the library in (library)"_s, u"DIR"_s);
    parser.addOptions({itemsOpt, filesOpt, seedOpt, outOpt, profileOpt});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const qint64 items = parser.value(itemsOpt).toLongLong();
    const quint64 seed = parser.value(seedOpt).toULongLong();
    if (args.size() == 1 && args.first() == "rss"_L1 && parser.isSet(outOpt) && items > 0) {
        return writeRss(seed, items, qMax(1, parser.value(filesOpt).toInt()), parser.value(outOpt));
    }
    if (args.size() == 1 && args.first() == "library"_L1 && parser.isSet(profileOpt) && items > 0) {
        return buildLibrary(seed, items, parser.value(profileOpt));
    }
    parser.showHelp(2);
}
