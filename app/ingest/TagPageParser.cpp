// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/TagPageParser.h"

#include "ingest/TextDecoding.h"

#include <QFile>
#include <QRegularExpression>

#include <functional>
#include <optional>

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

namespace {

// The tag page's grammar, line by line, for both the in-memory parse and the stream: the header,
// then blocks separated by blank lines, titles and summaries in turn. Each title and summary pair
// goes to onItem as soon as its summary block has ended.
class TagPageBuilder
{
public:
    using OnItem = std::function<bool(const ParsedFeed& head, FeedItem&& item)>;

    TagPageBuilder(QString fileName, OnItem onItem)
        : m_fileName(std::move(fileName))
        , m_onItem(std::move(onItem))
    {
        m_head.format = u"tagpage"_s;
    }

    /// One line (without its line break), numbered from 1; an Error ends the parse.
    std::optional<Error> line(const QString& raw, int number)
    {
        if (!m_headerSeen) {
            if (raw.trimmed().isEmpty()) {
                return std::nullopt;
            }
            const QString header = rightTrimmed(raw);
            if (!header.trimmed().startsWith(u"tag"_s, Qt::CaseInsensitive) || !header.contains(u':')) {
                return makeError(Error::Code::Parse, u"expected \"Tag: NAME\" on the first line"_s, m_fileName, number);
            }
            m_tag = tagNameOf(header);
            if (m_tag.isEmpty()) {
                return makeError(Error::Code::Parse, u"the \"Tag:\" line names no tag"_s, m_fileName, number);
            }
            m_head.title = m_tag;
            m_headerSeen = true;
            return std::nullopt;
        }
        const QString text = rightTrimmed(raw);
        if (text.trimmed().isEmpty()) {
            return endBlock();
        }
        if (m_block.isEmpty()) {
            m_blockLine = number;
        }
        m_block.append(text);
        return std::nullopt;
    }

    /// The end of the document.
    std::optional<Error> finish()
    {
        if (!m_headerSeen) {
            return makeError(Error::Code::Parse, u"empty file: not a tag page"_s, m_fileName, 1);
        }
        if (auto e = endBlock()) {
            return e;
        }
        if (m_titleOpen) {
            return makeError(Error::Code::Parse, u"article title without a summary"_s, m_fileName, m_titleLine);
        }
        return std::nullopt;
    }

    const ParsedFeed& head() const { return m_head; }
    bool stopped() const { return m_stopped; }

private:
    std::optional<Error> endBlock()
    {
        if (m_block.isEmpty()) {
            return std::nullopt;
        }
        QStringList lines;
        lines.reserve(m_block.size());
        for (const QString& l : std::as_const(m_block)) {
            lines.append(l.trimmed());
        }
        m_block.clear();
        if (!m_titleOpen) {
            m_title = lines.join(u' ');
            m_titleLine = m_blockLine;
            m_titleOpen = true;
            return std::nullopt;
        }
        m_titleOpen = false;
        FeedItem item;
        item.title = std::move(m_title);
        item.summary = lines.join(u'\n');
        item.tags = QStringList{m_tag};
        item.line = m_titleLine;
        if (!m_onItem(m_head, std::move(item))) {
            m_stopped = true;
            return makeError(Error::Code::Cancelled, u"stopped"_s, m_fileName);
        }
        return std::nullopt;
    }

    QString m_fileName;
    OnItem m_onItem;
    ParsedFeed m_head;
    QString m_tag;
    QStringList m_block;
    int m_blockLine = 0;
    QString m_title;
    int m_titleLine = 0;
    bool m_titleOpen = false;
    bool m_headerSeen = false;
    bool m_stopped = false;
};

} // namespace

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
    QList<FeedItem> items;
    TagPageBuilder builder(fileName, [&items](const ParsedFeed&, FeedItem&& item) {
        items.append(std::move(item));
        return true;
    });
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (auto e = builder.line(lines.at(i), static_cast<int>(i) + 1)) {
            return *e;
        }
    }
    if (auto e = builder.finish()) {
        return *e;
    }
    ParsedFeed feed = builder.head();
    feed.items = std::move(items);
    return feed;
}

Result<ParsedFeed> TagPageParser::streamFile(const QString& path, const ItemSink& sink, const QString& fileName,
                                             const Progress& progress)
{
    const QString name = fileName.isEmpty() ? path : fileName;
    QFile file(path);
    const auto opened = text::openUtf8Stream(file, name, u"a tag page"_s);
    if (!opened) {
        return opened.error();
    }
    const int bomLength = opened.value();
    constexpr qint64 kChunk = 1024 * 1024;
    // Pieces of whole lines: a chunk up to its last line feed, the rest carried to the next one.
    // UTF-8 never has a line feed inside a character, so each piece decodes on its own.
    const auto pieces = [&file, bomLength, &name](const std::function<bool(const QByteArray& piece, bool last)>& use)
        -> std::optional<Error> {
        file.seek(bomLength);
        QByteArray carry;
        while (true) {
            const QByteArray chunk = file.read(kChunk);
            if (chunk.isEmpty() && !file.atEnd()) {
                return makeError(Error::Code::Io, u"cannot read: %1"_s.arg(file.errorString()), name);
            }
            const bool last = file.atEnd();
            carry += chunk;
            const qsizetype cut = last ? carry.size() : carry.lastIndexOf('\n') + 1;
            if (cut > 0 || last) {
                const QByteArray piece = carry.first(cut);
                carry.remove(0, cut);
                if (!use(piece, last)) {
                    return std::nullopt;
                }
            }
            if (last) {
                return std::nullopt;
            }
        }
    };
    // First pass: the whole file is UTF-8 (a bad byte anywhere is the error, as in parse()).
    int lineFeeds = 0;
    std::optional<Error> invalid;
    if (auto e = pieces([&](const QByteArray& piece, bool) {
            const qsizetype bad = text::firstInvalidUtf8(piece);
            if (bad >= 0) {
                invalid = makeError(Error::Code::Parse,
                                    piece.at(bad) == '\0' ? u"not a text file (NUL byte)"_s : u"not valid UTF-8 text"_s,
                                    name, lineFeeds + text::lineOfOffset(piece, bad));
                return false;
            }
            lineFeeds += static_cast<int>(piece.count('\n'));
            return true;
        })) {
        return *e;
    }
    if (invalid) {
        return *invalid;
    }
    // Second pass: the lines, through the same grammar as parse().
    TagPageBuilder builder(name, sink);
    const qint64 size = file.size();
    int number = 0;
    std::optional<Error> failed;
    if (auto e = pieces([&](const QByteArray& piece, bool last) {
            // Pieces end after a line feed, so a CR LF pair is never split between two.
            QString content = QString::fromUtf8(piece);
            content.replace(u"\r\n"_s, u"\n"_s);
            content.replace(u'\r', u'\n');
            QStringList lines = content.split(u'\n');
            // A piece ends after a line feed: its last "line" is the start of the next piece.
            if (!last) {
                lines.removeLast();
            }
            for (const QString& line : std::as_const(lines)) {
                if (auto err = builder.line(line, ++number)) {
                    failed = err;
                    return false;
                }
            }
            if (progress) {
                progress(file.pos(), size);
            }
            return true;
        })) {
        return *e;
    }
    if (failed) {
        return *failed;
    }
    if (auto e = builder.finish()) {
        return *e;
    }
    return builder.head();
}

} // namespace folio
