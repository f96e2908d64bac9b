// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/XmlFileDevice.h"

#include "ingest/TextDecoding.h"

#include <algorithm>
#include <array>
#include <cstring>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr qint64 kChunk = 256 * 1024;

bool forbidden(char16_t u)
{
    return (u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D) || u == 0xFFFE || u == 0xFFFF;
}

// Bytes of complete, valid UTF-8 sequences at the start of p (an incomplete sequence at the end
// is left for the next chunk unless final), or -1 at an invalid byte. NUL counts as invalid, as
// it does for text::decodeXml.
qsizetype validUtf8(const unsigned char* p, qsizetype n, bool final)
{
    qsizetype i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time, none of them NUL.
        if (i + 8 <= n) {
            quint64 v;
            std::memcpy(&v, p + i, 8);
            const bool ascii = (v & 0x8080808080808080ULL) == 0;
            const bool hasZero = ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL) != 0;
            if (ascii && !hasZero) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c == 0) {
            return -1;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
        } else {
            return -1;
        }
        if (i + extra >= n) {
            if (final) {
                return -1;
            }
            for (qsizetype k = i + 1; k < n; ++k) {
                if ((p[k] & 0xC0) != 0x80) {
                    return -1;
                }
            }
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0) || (c == 0xF0 && p[i + 1] < 0x90)
            || (c == 0xF4 && p[i + 1] >= 0x90)) {
            return -1;
        }
        i += extra + 1;
    }
    return i;
}

// True when the file from its current position to the end is valid UTF-8 (read in chunks).
bool restIsValidUtf8(QFile& file)
{
    QByteArray carry;
    while (true) {
        QByteArray chunk = carry + file.read(kChunk);
        const bool final = file.atEnd();
        const qsizetype ok =
            validUtf8(reinterpret_cast<const unsigned char*>(chunk.constData()), chunk.size(), final);
        if (ok < 0) {
            return false;
        }
        carry = chunk.mid(ok);
        if (final) {
            return carry.isEmpty();
        }
        if (chunk.isEmpty()) {
            return false; // read error
        }
    }
}

constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

QString cp1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar* d = out.data();
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *d++ = QChar(b >= 0x80 && b <= 0x9F && kCp1252High[b - 0x80] != 0 ? kCp1252High[b - 0x80]
                                                                            : static_cast<char16_t>(b));
    }
    return out;
}

} // namespace

XmlFileDevice::XmlFileDevice(const QString& path)
    : m_file(path)
{
}

Result<std::unique_ptr<XmlFileDevice>> XmlFileDevice::open(const QString& path)
{
    std::unique_ptr<XmlFileDevice> device(new XmlFileDevice(path));
    if (!device->m_file.open(QIODevice::ReadOnly)) {
        return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(device->m_file.errorString()), path);
    }
    device->m_size = device->m_file.size();
    if (auto ok = device->start(); !ok) {
        return ok.error();
    }
    device->QIODevice::open(QIODevice::ReadOnly);
    return device;
}

Result<void> XmlFileDevice::start()
{
    const QByteArray head = m_file.peek(4096);
    const text::ByteOrderMark bom = text::detectByteOrderMark(head);
    QString encoding;
    if (!bom.encoding.isEmpty() && bom.encoding != "utf-8"_L1) {
        encoding = bom.encoding;
    } else if (bom.encoding.isEmpty() && head.startsWith(QByteArrayView("<\0?\0", 4))) {
        encoding = u"utf-16le"_s;
    } else if (bom.encoding.isEmpty() && head.startsWith(QByteArrayView("\0<\0?", 4))) {
        encoding = u"utf-16be"_s;
    } else {
        QString declared = bom.encoding.isEmpty() ? text::declaredXmlEncoding(head) : QString();
        if (declared.startsWith("utf-16"_L1) || declared.startsWith("utf-32"_L1) || declared == "utf8"_L1) {
            declared = u"utf-8"_s;
        }
        const auto utf8Valid = [this, &bom] {
            m_file.seek(bom.length);
            const bool valid = restIsValidUtf8(m_file);
            m_file.seek(bom.length);
            return valid;
        };
        if (declared.isEmpty() || declared == "utf-8"_L1) {
            m_mode = utf8Valid() ? Mode::Utf8 : Mode::Cp1252;
            return {};
        }
        if (declared == "windows-1252"_L1 || declared == "cp1252"_L1 || declared == "x-cp1252"_L1
            || declared == "iso-8859-1"_L1 || declared == "latin1"_L1 || declared == "latin-1"_L1
            || declared == "iso8859-1"_L1 || declared == "us-ascii"_L1 || declared == "ascii"_L1) {
            m_mode = Mode::Cp1252;
            m_file.seek(bom.length);
            return {};
        }
        encoding = declared;
        QStringDecoder decoder(encoding.toLatin1().constData());
        if (!decoder.isValid()) {
            if (utf8Valid()) {
                m_mode = Mode::Utf8;
                return {};
            }
            return makeError(Error::Code::Parse, u"unsupported character encoding \"%1\""_s.arg(encoding),
                             m_file.fileName(), 1);
        }
    }
    m_decoder = QStringDecoder(encoding.toLatin1().constData());
    if (!m_decoder.isValid()) {
        return makeError(Error::Code::Parse, u"unsupported character encoding \"%1\""_s.arg(encoding),
                         m_file.fileName(), 1);
    }
    m_mode = Mode::Decoder;
    m_file.seek(bom.length);
    return {};
}

qint64 XmlFileDevice::bytesAvailable() const
{
    return (m_out.size() - m_outPos) + QIODevice::bytesAvailable() + (m_eof ? 0 : 1);
}

qint64 XmlFileDevice::writeData(const char*, qint64)
{
    return -1;
}

qint64 XmlFileDevice::readData(char* data, qint64 maxSize)
{
    while (m_outPos >= m_out.size()) {
        m_out.clear();
        m_outPos = 0;
        if (!fill()) {
            return -1; // the end of the file
        }
    }
    const qint64 n = qMin<qint64>(maxSize, m_out.size() - m_outPos);
    std::memcpy(data, m_out.constData() + m_outPos, static_cast<size_t>(n));
    m_outPos += n;
    return n;
}

// Reads and converts the next chunk into m_out; false at the end of the file.
bool XmlFileDevice::fill()
{
    if (m_eof) {
        return false;
    }
    const QByteArray chunk = m_file.read(kChunk);
    const bool last = chunk.size() < kChunk || m_file.atEnd();
    switch (m_mode) {
    case Mode::Utf8:
        emitUtf8(chunk);
        if (last && !m_carry.isEmpty()) {
            m_out += m_carry;
            m_carry.clear();
        }
        break;
    case Mode::Cp1252:
        emitText(cp1252(chunk));
        break;
    case Mode::Decoder:
        emitText(m_decoder.decode(chunk));
        break;
    }
    if (last) {
        m_eof = true;
    }
    return true;
}

void XmlFileDevice::emitText(QString text)
{
    if (m_atStart) {
        m_atStart = false;
        if (text.startsWith("<?xml"_L1) && text.size() > 5 && QChar(text.at(5)).isSpace()) {
            const qsizetype end = text.indexOf("?>"_L1);
            if (end > 0) {
                const qsizetype lines = QStringView(text).first(end).count(u'\n');
                text.replace(0, end + 2, QString(lines, u'\n'));
            }
        }
    }
    if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return forbidden(c.unicode()); })) {
        text.removeIf([](QChar c) { return forbidden(c.unicode()); });
    }
    m_out += text.toUtf8();
}

void XmlFileDevice::emitUtf8(QByteArrayView chunk)
{
    QByteArray bytes = m_carry + chunk.toByteArray();
    m_carry.clear();
    if (m_atStart) {
        m_atStart = false;
        if (bytes.startsWith("<?xml") && bytes.size() > 5 && QChar(QLatin1Char(bytes.at(5))).isSpace()) {
            const qsizetype end = bytes.indexOf("?>");
            if (end > 0) {
                const qsizetype lines = QByteArrayView(bytes).first(end).count('\n');
                bytes.replace(0, end + 2, QByteArray(lines, '\n'));
            }
        }
    }
    // Hold back a possible start of U+FFFE/U+FFFF (EF BF BE/BF) cut by the chunk boundary.
    qsizetype keep = bytes.size();
    if (keep >= 1 && static_cast<unsigned char>(bytes.at(keep - 1)) == 0xEF) {
        keep -= 1;
    } else if (keep >= 2 && static_cast<unsigned char>(bytes.at(keep - 2)) == 0xEF
               && static_cast<unsigned char>(bytes.at(keep - 1)) == 0xBF) {
        keep -= 2;
    }
    m_carry = bytes.mid(keep);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    qsizetype from = 0;
    for (qsizetype i = 0; i < keep; ++i) {
        const unsigned char c = p[i];
        const bool control = c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D;
        const bool nonChar = c == 0xEF && i + 2 < bytes.size() && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF);
        if (control || nonChar) {
            m_out.append(bytes.constData() + from, i - from);
            const qsizetype skip = control ? 1 : 3;
            from = i + skip;
            i += skip - 1;
        }
    }
    if (from < keep) {
        m_out.append(bytes.constData() + from, keep - from);
    }
}

} // namespace folio
