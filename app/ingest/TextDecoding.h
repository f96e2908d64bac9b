// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>

class QFile;

namespace folio::text {

/// Hard ceiling for any document a parser accepts (bytes).
constexpr qsizetype kMaxDocumentBytes = 32 * 1024 * 1024;

/// Strips a UTF-8 byte-order mark, if present.
QByteArray stripUtf8Bom(const QByteArray& bytes);
/// Offset of the first byte that breaks UTF-8 (or a NUL byte), or -1.
qsizetype firstInvalidUtf8(const QByteArray& bytes);
/// Opens file (its name set) to stream a document that must be UTF-8: the length of its UTF-8
/// byte-order mark (0 or 3), or an Error naming `name` (cannot open; another byte-order mark,
/// which says what the document is: "a tag page", "a JSON Feed").
Result<int> openUtf8Stream(QFile& file, const QString& name, const QString& what);

/// Decodes strict UTF-8 (BOM allowed). Invalid sequences or NUL bytes are an error naming
/// the file and the line of the first bad byte: such a file is not text.
Result<QString> decodeUtf8Text(const QByteArray& bytes, const QString& fileName);

/// Decodes a plain-text file: UTF-16 LE/BE or UTF-32 LE/BE when it starts with that byte-order
/// mark, else strict UTF-8 (as decodeUtf8Text). Unpaired surrogates, an odd trailing byte or
/// NUL characters are an error naming the file and the line: such a file is not text.
Result<QString> decodeUnicodeText(const QByteArray& bytes, const QString& fileName);

/// Decodes bytes in a named encoding (UTF-8/16/32, ISO-8859-1, windows-1252, and whatever
/// QStringDecoder knows on this platform). Returns an error for an unknown encoding name.
Result<QString> decode(const QByteArray& bytes, const QString& encoding, const QString& fileName);

/// 1-based line number of byte offset in bytes.
int lineOfOffset(const QByteArray& bytes, qsizetype offset);

/// A byte-order mark: the encoding it announces ("utf-8", "utf-16le", "utf-16be", "utf-32le",
/// "utf-32be") and its length in bytes; an empty encoding when bytes start with none.
struct ByteOrderMark
{
    QString encoding;
    int length = 0;
};
ByteOrderMark detectByteOrderMark(const QByteArray& bytes);

/// True when bytes are valid UTF-8 without NUL bytes (a BOM is allowed).
bool isValidUtf8(const QByteArray& bytes);

/// The encoding named in an XML declaration (`<?xml ... encoding="..."?>`), lower-case;
/// empty when there is no declaration or it names none.
QString declaredXmlEncoding(const QByteArray& bytes);

/// Decodes an XML document the way XML 1.0 appendix F sniffs it: a byte-order mark wins, then
/// UTF-16 without a mark recognised from "<?", then the encoding in the XML declaration, then
/// UTF-8. UTF-8 (declared or assumed) that is not valid is read as windows-1252, which is
/// what such feeds nearly always are. An unknown declared encoding falls back to UTF-8 when
/// the bytes are valid UTF-8, else it is an error on line 1.
Result<QString> decodeXml(const QByteArray& bytes, const QString& fileName);

/// The UTF-8 bytes of a JSON text: a UTF-8 BOM is dropped, UTF-16/32 (with a BOM) converted.
QByteArray jsonAsUtf8(const QByteArray& bytes);

/// The first characters of a document of any supported encoding (after a BOM), for sniffing.
QString decodedPrefix(const QByteArray& bytes, qsizetype maxBytes = 4096);

} // namespace folio::text
