// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QFile>
#include <QIODevice>
#include <QStringDecoder>

#include <memory>

namespace folio {

/// An XML file as QXmlStreamReader should read it, in bounded memory (a few hundred KiB,
/// whatever the file's size). The encoding is chosen exactly as text::decodeXml chooses it for a
/// document in memory (byte-order mark, UTF-16 "<?", the XML declaration, else UTF-8, and
/// windows-1252 when the UTF-8 is not valid; that check reads the file once ahead). The device
/// hands the text on as UTF-8 without byte-order mark or XML declaration (its line breaks are
/// kept, so line numbers stay right), with the characters XML forbids dropped.
class XmlFileDevice final : public QIODevice
{
    Q_OBJECT

public:
    /// Opens path for reading; an Error names the file.
    static Result<std::unique_ptr<XmlFileDevice>> open(const QString& path);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

    /// Size of the file on disk when it was opened (asked once per item for progress: no stat).
    qint64 fileSize() const { return m_size; }
    /// Bytes of the file read from disk so far (a chunk ahead of what the XML reader consumed).
    qint64 filePosition() const { return m_file.pos(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    enum class Mode { Utf8, Cp1252, Decoder };
    explicit XmlFileDevice(const QString& path);
    Result<void> start();
    bool fill();
    void emitText(QString text);
    void emitUtf8(QByteArrayView bytes);

    QFile m_file;
    qint64 m_size = 0;
    Mode m_mode = Mode::Utf8;
    QStringDecoder m_decoder;
    QByteArray m_out; // processed bytes not read yet
    qsizetype m_outPos = 0;
    QByteArray m_carry; // UTF-8 bytes held back: a possible U+FFFE/U+FFFF split by a chunk boundary
    bool m_atStart = true;
    bool m_eof = false;
};

} // namespace folio
