// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/TextDecoding.h"

#include <QFile>

#include <QRegularExpression>
#include <QStringDecoder>

#include <array>

using namespace Qt::StringLiterals;

namespace folio::text {

namespace {

// windows-1252 differs from ISO-8859-1 in 0x80..0x9F; 0 marks the five undefined bytes,
// which map to the C1 control of the same value, as browsers do.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

QString decodeCp1252(const QByteArray& bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 && b <= 0x9F && kCp1252High[b - 0x80] != 0) {
            out.append(QChar(kCp1252High[b - 0x80]));
        } else {
            out.append(QChar(static_cast<char16_t>(b)));
        }
    }
    return out;
}

} // namespace

// Offset of the first byte that breaks UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = data[i];
        if (c == 0) {
            return i;
        }
        int extra = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
        } else {
            return i;
        }
        if (i + extra >= n) {
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if ((data[i + k] & 0xC0) != 0x80) {
                return i;
            }
        }
        // Overlong three-byte forms, surrogates, and code points past U+10FFFF.
        if ((c == 0xE0 && data[i + 1] < 0xA0) || (c == 0xED && data[i + 1] >= 0xA0)
            || (c == 0xF0 && data[i + 1] < 0x90) || (c == 0xF4 && data[i + 1] >= 0x90)) {
            return i;
        }
        i += extra + 1;
    }
    return -1;
}


QByteArray stripUtf8Bom(const QByteArray& bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        return bytes.mid(3);
    }
    return bytes;
}

int lineOfOffset(const QByteArray& bytes, qsizetype offset)
{
    return 1 + static_cast<int>(QByteArrayView(bytes).first(qMin(offset, bytes.size())).count('\n'));
}

Result<QString> decodeUtf8Text(const QByteArray& bytes, const QString& fileName)
{
    const QByteArray body = stripUtf8Bom(bytes);
    const qsizetype bad = firstInvalidUtf8(body);
    if (bad >= 0) {
        const bool nul = body.at(bad) == '\0';
        return makeError(Error::Code::Parse,
                         nul ? u"not a text file (NUL byte)"_s : u"not valid UTF-8 text"_s,
                         fileName,
                         lineOfOffset(body, bad));
    }
    return QString::fromUtf8(body);
}

namespace {

// Strict UTF-16 of one byte order (the mark already removed).
Result<QString> decodeUtf16Strict(QByteArrayView body, bool bigEndian, const QString& fileName)
{
    QString out;
    out.reserve(body.size() / 2);
    int line = 1;
    const auto* data = reinterpret_cast<const unsigned char*>(body.data());
    const qsizetype units = body.size() / 2;
    const auto unitAt = [&](qsizetype i) -> char16_t {
        const unsigned char a = data[2 * i];
        const unsigned char b = data[2 * i + 1];
        return bigEndian ? static_cast<char16_t>((a << 8) | b) : static_cast<char16_t>((b << 8) | a);
    };
    for (qsizetype i = 0; i < units; ++i) {
        const char16_t u = unitAt(i);
        if (u == 0) {
            return makeError(Error::Code::Parse, u"not a text file (NUL character)"_s, fileName, line);
        }
        if (QChar::isHighSurrogate(u)) {
            if (i + 1 >= units || !QChar::isLowSurrogate(unitAt(i + 1))) {
                return makeError(Error::Code::Parse, u"not valid UTF-16 text (unpaired surrogate)"_s, fileName, line);
            }
            out.append(QChar(u));
            out.append(QChar(unitAt(++i)));
            continue;
        }
        if (QChar::isLowSurrogate(u)) {
            return makeError(Error::Code::Parse, u"not valid UTF-16 text (unpaired surrogate)"_s, fileName, line);
        }
        if (u == u'\n') {
            ++line;
        }
        out.append(QChar(u));
    }
    if (body.size() % 2 != 0) {
        return makeError(Error::Code::Parse, u"not valid UTF-16 text (odd number of bytes)"_s, fileName, line);
    }
    return out;
}

// Strict UTF-32 of one byte order (the mark already removed).
Result<QString> decodeUtf32Strict(QByteArrayView body, bool bigEndian, const QString& fileName)
{
    if (body.size() % 4 != 0) {
        return makeError(Error::Code::Parse, u"not valid UTF-32 text (length not a multiple of 4)"_s, fileName);
    }
    QString out;
    out.reserve(body.size() / 4);
    int line = 1;
    const auto* data = reinterpret_cast<const unsigned char*>(body.data());
    for (qsizetype i = 0; i + 3 < body.size(); i += 4) {
        const char32_t c = bigEndian ? (char32_t(data[i]) << 24) | (char32_t(data[i + 1]) << 16)
                                           | (char32_t(data[i + 2]) << 8) | char32_t(data[i + 3])
                                     : (char32_t(data[i + 3]) << 24) | (char32_t(data[i + 2]) << 16)
                                           | (char32_t(data[i + 1]) << 8) | char32_t(data[i]);
        if (c == 0) {
            return makeError(Error::Code::Parse, u"not a text file (NUL character)"_s, fileName, line);
        }
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            return makeError(Error::Code::Parse, u"not valid UTF-32 text"_s, fileName, line);
        }
        if (c == U'\n') {
            ++line;
        }
        const char32_t ucs4[1] = {c};
        out.append(QString::fromUcs4(ucs4, 1));
    }
    return out;
}

} // namespace

Result<QString> decodeUnicodeText(const QByteArray& bytes, const QString& fileName)
{
    const ByteOrderMark bom = detectByteOrderMark(bytes);
    const QByteArrayView body = QByteArrayView(bytes).sliced(bom.length);
    if (bom.encoding == "utf-16le"_L1 || bom.encoding == "utf-16be"_L1) {
        return decodeUtf16Strict(body, bom.encoding == "utf-16be"_L1, fileName);
    }
    if (bom.encoding == "utf-32le"_L1 || bom.encoding == "utf-32be"_L1) {
        return decodeUtf32Strict(body, bom.encoding == "utf-32be"_L1, fileName);
    }
    return decodeUtf8Text(bytes, fileName);
}

Result<QString> decode(const QByteArray& bytes, const QString& encoding, const QString& fileName)
{
    const QString name = encoding.trimmed().toLower();
    if (name.isEmpty() || name == "utf-8"_L1 || name == "utf8"_L1) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder.decode(stripUtf8Bom(bytes));
        return text;
    }
    if (name == "windows-1252"_L1 || name == "cp1252"_L1 || name == "x-cp1252"_L1) {
        return decodeCp1252(bytes);
    }
    if (name == "iso-8859-1"_L1 || name == "latin1"_L1 || name == "latin-1"_L1 || name == "iso8859-1"_L1
        || name == "us-ascii"_L1 || name == "ascii"_L1) {
        // Real feeds that say ISO-8859-1 are almost always windows-1252 (as the WHATWG
        // encoding standard treats them); the two agree outside 0x80..0x9F.
        return decodeCp1252(bytes);
    }
    const QByteArray latinName = name.toLatin1();
    QStringDecoder decoder(latinName.constData());
    if (!decoder.isValid()) {
        return makeError(Error::Code::Parse, u"unsupported character encoding \"%1\""_s.arg(encoding), fileName);
    }
    QString text = decoder.decode(bytes);
    return text;
}

ByteOrderMark detectByteOrderMark(const QByteArray& bytes)
{
    // UTF-32 LE must be tested before UTF-16 LE: its mark starts with FF FE too.
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4))) {
        return {u"utf-32le"_s, 4};
    }
    if (bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4))) {
        return {u"utf-32be"_s, 4};
    }
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        return {u"utf-8"_s, 3};
    }
    if (bytes.startsWith("\xFF\xFE")) {
        return {u"utf-16le"_s, 2};
    }
    if (bytes.startsWith("\xFE\xFF")) {
        return {u"utf-16be"_s, 2};
    }
    return {};
}

bool isValidUtf8(const QByteArray& bytes)
{
    return firstInvalidUtf8(stripUtf8Bom(bytes)) < 0;
}

QString declaredXmlEncoding(const QByteArray& bytes)
{
    static const QRegularExpression re(
        u"^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']"_s);
    const QString head = QString::fromLatin1(stripUtf8Bom(bytes.left(1024)));
    const auto m = re.match(head);
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

Result<QString> decodeXml(const QByteArray& bytes, const QString& fileName)
{
    const ByteOrderMark bom = detectByteOrderMark(bytes);
    if (!bom.encoding.isEmpty() && bom.encoding != "utf-8"_L1) {
        return decode(bytes.mid(bom.length), bom.encoding, fileName);
    }
    if (bom.encoding.isEmpty() && bytes.startsWith(QByteArrayView("<\0?\0", 4))) {
        return decode(bytes, u"utf-16le"_s, fileName);
    }
    if (bom.encoding.isEmpty() && bytes.startsWith(QByteArrayView("\0<\0?", 4))) {
        return decode(bytes, u"utf-16be"_s, fileName);
    }
    const QByteArray body = stripUtf8Bom(bytes);
    QString declared = bom.encoding.isEmpty() ? declaredXmlEncoding(body) : QString();
    // A declaration read as single bytes cannot truly be UTF-16/32; the tool that wrote it lied.
    if (declared.startsWith("utf-16"_L1) || declared.startsWith("utf-32"_L1) || declared == "utf8"_L1) {
        declared = u"utf-8"_s;
    }
    if (declared.isEmpty() || declared == "utf-8"_L1) {
        if (firstInvalidUtf8(body) < 0) {
            return QString::fromUtf8(body);
        }
        return decodeCp1252(body);
    }
    Result<QString> decoded = decode(body, declared, fileName);
    if (!decoded && firstInvalidUtf8(body) < 0) {
        return QString::fromUtf8(body);
    }
    if (!decoded) {
        Error error = decoded.error();
        error.line = 1;
        return error;
    }
    return decoded;
}

QByteArray jsonAsUtf8(const QByteArray& bytes)
{
    const ByteOrderMark bom = detectByteOrderMark(bytes);
    if (bom.encoding.isEmpty()) {
        return bytes;
    }
    if (bom.encoding == "utf-8"_L1) {
        return bytes.mid(bom.length);
    }
    const Result<QString> decoded = decode(bytes.mid(bom.length), bom.encoding, QString());
    return decoded ? decoded->toUtf8() : QByteArray();
}

QString decodedPrefix(const QByteArray& bytes, qsizetype maxBytes)
{
    const ByteOrderMark bom = detectByteOrderMark(bytes);
    const QByteArray head = bytes.mid(bom.length, maxBytes);
    if (bom.encoding.isEmpty() || bom.encoding == "utf-8"_L1) {
        // Latin-1 keeps every byte; only the ASCII structure matters for sniffing.
        return QString::fromLatin1(head);
    }
    const Result<QString> decoded = decode(head, bom.encoding, QString());
    return decoded ? decoded.value() : QString();
}

Result<int> openUtf8Stream(QFile& file, const QString& name, const QString& what)
{
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(file.errorString()), name);
    }
    const ByteOrderMark bom = detectByteOrderMark(file.peek(4));
    if (!bom.encoding.isEmpty() && bom.encoding != "utf-8"_L1) {
        return makeError(Error::Code::Parse,
                         u"%1 larger than %2 MiB must be UTF-8 (this one is %3)"_s.arg(what)
                             .arg(kMaxDocumentBytes / (1024 * 1024))
                             .arg(bom.encoding),
                         name, 1);
    }
    return bom.length;
}

} // namespace folio::text
