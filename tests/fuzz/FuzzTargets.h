// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What each fuzzer does with one input. The libFuzzer mains (Fuzz*.cpp) and the regression
// test that replays every saved crash and seed (TestFuzzRegressions) call the same functions.

#include "html/HtmlText.h"
#include "html/ImageSources.h"
#include "ingest/DocumentParser.h"
#include "ingest/JsonFeedParser.h"
#include "ingest/OpmlParser.h"
#include "ingest/TagPageParser.h"
#include "ingest/TextDecoding.h"
#include "storage/QueryParser.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>
#include <cstdlib>

namespace folio::fuzz {

// Writes bytes to a scratch file for the streaming parsers; empty when that failed.
inline QString scratchFile(const QByteArray& bytes, const QString& name)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        return {};
    }
    return path;
}

// Aborts (a fuzzer finding) when a stream and the in-memory parse of the same bytes disagree.
template<typename Whole, typename Stream>
void requireAgreement(const char* what, const Whole& whole, const Stream& stream, qsizetype streamed)
{
    const bool agree = whole.hasValue() == stream.hasValue()
        && (whole ? whole->items.size() == streamed
                  : whole.error().line == stream.error().line && whole.error().message == stream.error().message);
    if (!agree) {
        std::fprintf(stderr, "%s stream disagrees: %s / %s\n", what,
                     qPrintable(whole ? QString::number(whole->items.size()) : whole.error().toString()),
                     qPrintable(stream ? QString::number(streamed) : stream.error().toString()));
        std::abort();
    }
}

inline void tagPage(const QByteArray& bytes)
{
    (void)TagPageParser::looksLikeTagPage(bytes);
    const QString name = QStringLiteral("fuzz.txt");
    const auto whole = TagPageParser::parse(bytes, name);
    const text::ByteOrderMark bom = text::detectByteOrderMark(bytes);
    const QString path = scratchFile(bytes, name);
    if (path.isEmpty() || (!bom.encoding.isEmpty() && bom.encoding != QLatin1String("utf-8"))) {
        return; // the stream refuses UTF-16 and UTF-32 on purpose
    }
    qsizetype streamed = 0;
    const auto stream = TagPageParser::streamFile(path, [&streamed](const ParsedFeed&, FeedItem&&) {
        ++streamed;
        return true;
    }, name);
    requireAgreement("tag page", whole, stream, streamed);
}

// DocumentParser sniffs and runs the RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed and tag-page
// parsers, with the sanitiser and text extraction they call.
// A JSON Feed streamed from a file (the path for files over the in-memory cap) must agree with the
// in-memory parse: the same outcome, the same number of items, the same error and line.
inline void jsonStreamAgrees(const QByteArray& bytes)
{
    if (!bytes.trimmed().startsWith('{') || bytes.size() > text::kMaxDocumentBytes) {
        return; // not a JSON object (a BOM other than UTF-8 is refused by the stream on purpose)
    }
    const QString name = QStringLiteral("fuzz.json");
    const QString path = scratchFile(bytes, name);
    if (path.isEmpty()) {
        return;
    }
    const auto whole = JsonFeedParser::parse(bytes, name);
    qsizetype streamed = 0;
    const auto stream = JsonFeedParser::streamFile(path, [&streamed](const ParsedFeed&, FeedItem&&) {
        ++streamed;
        return true;
    }, name);
    requireAgreement("JSON Feed", whole, stream, streamed);
}

inline void feed(const QByteArray& bytes)
{
    (void)DocumentParser::parse(bytes, QStringLiteral("fuzz.xml"), QUrl(QStringLiteral("https://example.org/feed")));
    jsonStreamAgrees(bytes);
}

inline void opml(const QByteArray& bytes)
{
    (void)OpmlParser::parse(bytes, QStringLiteral("fuzz.opml"));
}

inline void sanitizer(const QByteArray& bytes)
{
    const QString html = QString::fromUtf8(bytes);
    const QString safe = html::sanitize(html, QUrl(QStringLiteral("https://example.org/a/b.html")));
    (void)html::sanitize(safe); // its own output must not trip it either
    // The reader inserts paragraph tags at each image's block range, from the back: the ranges
    // must hold their image, lie inside the page and keep their order.
    qsizetype previousEnd = 0;
    for (const html::ImageTag& tag : html::imageTags(safe)) {
        if (tag.blockFrom > tag.start || tag.blockTo < tag.start + tag.length || tag.blockTo > safe.size()
            || tag.blockFrom < previousEnd) {
            std::fprintf(stderr, "image block range out of order or bounds\n");
            std::abort();
        }
        previousEnd = tag.blockTo;
    }
    (void)html::toPlainText(html);
    (void)html::decodeEntities(html);
}

inline void query(const QByteArray& bytes)
{
    (void)QueryParser::parse(QString::fromUtf8(bytes));
}

} // namespace folio::fuzz
