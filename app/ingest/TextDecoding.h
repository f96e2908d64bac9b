// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>

namespace folio::text {

/// Hard ceiling for any document a parser accepts (bytes).
constexpr qsizetype kMaxDocumentBytes = 32 * 1024 * 1024;

/// Strips a UTF-8 byte-order mark, if present.
QByteArray stripUtf8Bom(const QByteArray& bytes);

/// Decodes strict UTF-8 (BOM allowed). Invalid sequences or NUL bytes are an error naming
/// the file and the line of the first bad byte: such a file is not text.
Result<QString> decodeUtf8Text(const QByteArray& bytes, const QString& fileName);

/// Decodes bytes in a named encoding (UTF-8/16/32, ISO-8859-1, windows-1252, and whatever
/// QStringDecoder knows on this platform). Returns an error for an unknown encoding name.
Result<QString> decode(const QByteArray& bytes, const QString& encoding, const QString& fileName);

/// 1-based line number of byte offset in bytes.
int lineOfOffset(const QByteArray& bytes, qsizetype offset);

} // namespace folio::text
