// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/DocumentParser.h"

#include "ingest/TagPageParser.h"
#include "ingest/TextDecoding.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace folio {

Result<ParsedFeed> DocumentParser::parse(const QByteArray& bytes, const QString& fileName, const QUrl& baseUrl)
{
    Q_UNUSED(baseUrl)
    if (bytes.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)),
                         fileName);
    }
    if (TagPageParser::looksLikeTagPage(bytes)) {
        return TagPageParser::parse(bytes, fileName);
    }
    if (text::stripUtf8Bom(bytes).trimmed().isEmpty()) {
        return makeError(Error::Code::Parse, u"empty file"_s, fileName, 1);
    }
    return TagPageParser::parse(bytes, fileName);
}

Result<ParsedFeed> DocumentParser::parseFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(file.errorString()), path);
    }
    if (file.size() > text::kMaxDocumentBytes) {
        return makeError(Error::Code::Parse,
                         u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)),
                         path);
    }
    const QByteArray bytes = file.read(text::kMaxDocumentBytes + 1);
    return parse(bytes, path, QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
}

} // namespace folio
