// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What each fuzzer does with one input. The libFuzzer mains (Fuzz*.cpp) and the regression
// test that replays every saved crash and seed (TestFuzzRegressions) call the same functions.

#include "html/HtmlText.h"
#include "ingest/DocumentParser.h"
#include "ingest/OpmlParser.h"
#include "ingest/TagPageParser.h"
#include "storage/QueryParser.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace folio::fuzz {

inline void tagPage(const QByteArray& bytes)
{
    (void)TagPageParser::looksLikeTagPage(bytes);
    (void)TagPageParser::parse(bytes, QStringLiteral("fuzz.txt"));
}

// DocumentParser sniffs and runs the RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed and tag-page
// parsers, with the sanitiser and text extraction they call.
inline void feed(const QByteArray& bytes)
{
    (void)DocumentParser::parse(bytes, QStringLiteral("fuzz.xml"), QUrl(QStringLiteral("https://example.org/feed")));
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
    (void)html::toPlainText(html);
    (void)html::decodeEntities(html);
}

inline void query(const QByteArray& bytes)
{
    (void)QueryParser::parse(QString::fromUtf8(bytes));
}

} // namespace folio::fuzz
