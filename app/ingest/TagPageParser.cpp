// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/TagPageParser.h"

#include "ingest/TextDecoding.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

struct Block
{
    QStringList lines;
    int firstLine = 0;
};

QString rightTrimmed(const QString& s)
{
    qsizetype end = s.size();
    while (end > 0 && s.at(end - 1).isSpace()) {
        --end;
    }
    return s.left(end);
}

// "Tag: NAME" (the keyword in any case); returns the trimmed name or an empty string.
QString tagNameOf(const QString& line)
{
    static const QRegularExpression re(u"^\\s*tag\\s*:(.*)$"_s, QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(line);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace

bool TagPageParser::looksLikeTagPage(const QByteArray& bytes)
{
    // decodedPrefix reads past a UTF-8, UTF-16 or UTF-32 byte-order mark.
    const QString head = text::decodedPrefix(bytes, 4096).trimmed();
    return head.left(4).compare("tag:"_L1, Qt::CaseInsensitive) == 0;
}

Result<ParsedFeed> TagPageParser::parse(const QByteArray& bytes, const QString& fileName)
{
    if (bytes.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse, u"file too large for a tag page"_s, fileName);
    }
    auto decoded = text::decodeUnicodeText(bytes, fileName);
    if (!decoded) {
        return decoded.error();
    }
    QString content = std::move(decoded).value();
    content.replace(u"\r\n"_s, u"\n"_s);
    content.replace(u'\r', u'\n');
    const QStringList lines = content.split(u'\n');

    // Header: the first non-blank line must be "Tag: NAME".
    qsizetype i = 0;
    while (i < lines.size() && lines.at(i).trimmed().isEmpty()) {
        ++i;
    }
    if (i == lines.size()) {
        return makeError(Error::Code::Parse, u"empty file: not a tag page"_s, fileName, 1);
    }
    const QString header = rightTrimmed(lines.at(i));
    const int headerLine = static_cast<int>(i) + 1;
    if (!header.trimmed().startsWith(u"tag"_s, Qt::CaseInsensitive) || !header.contains(u':')) {
        return makeError(Error::Code::Parse, u"expected \"Tag: NAME\" on the first line"_s, fileName, headerLine);
    }
    const QString tag = tagNameOf(header);
    if (tag.isEmpty()) {
        return makeError(Error::Code::Parse, u"the \"Tag:\" line names no tag"_s, fileName, headerLine);
    }

    // Blocks separated by one or more blank lines.
    QList<Block> blocks;
    for (++i; i < lines.size(); ++i) {
        const QString line = rightTrimmed(lines.at(i));
        if (line.trimmed().isEmpty()) {
            if (!blocks.isEmpty() && !blocks.last().lines.isEmpty()) {
                blocks.append(Block{});
            }
            continue;
        }
        if (blocks.isEmpty()) {
            blocks.append(Block{});
        }
        if (blocks.last().lines.isEmpty()) {
            blocks.last().firstLine = static_cast<int>(i) + 1;
        }
        blocks.last().lines.append(line);
    }
    if (!blocks.isEmpty() && blocks.last().lines.isEmpty()) {
        blocks.removeLast();
    }
    if (blocks.size() % 2 != 0) {
        return makeError(Error::Code::Parse,
                         u"article title without a summary"_s,
                         fileName,
                         blocks.last().firstLine);
    }

    ParsedFeed feed;
    feed.format = u"tagpage"_s;
    feed.title = tag;
    for (qsizetype b = 0; b + 1 < blocks.size(); b += 2) {
        const Block& title = blocks.at(b);
        const Block& summary = blocks.at(b + 1);
        FeedItem item;
        QStringList titleLines;
        for (const QString& l : title.lines) {
            titleLines.append(l.trimmed());
        }
        item.title = titleLines.join(u' ');
        QStringList summaryLines;
        for (const QString& l : summary.lines) {
            summaryLines.append(l.trimmed());
        }
        item.summary = summaryLines.join(u'\n');
        item.tags = QStringList{tag};
        item.line = title.firstLine;
        feed.items.append(std::move(item));
    }
    return feed;
}

} // namespace folio
