// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

#include <memory>

namespace folio {

class XmlFileDevice;

/// What an element held: its character data, and the same content as HTML markup.
struct XmlContent
{
    QString text;   ///< the text of the element and its descendants, unescaped
    QString markup; ///< child elements serialised as HTML, text escaped; empty unless asked for
    bool hasElements = false;
};

/// A QXmlStreamReader set up for untrusted feeds: the document is decoded by us (BOM, XML
/// declaration, windows-1252 fallback), characters XML forbids are dropped, external entities
/// are never fetched, internal DTD subsets are bounded, and named HTML entities that feeds use
/// without declaring them (&nbsp; &eacute; ...) are read as their characters.
class SafeXmlReader
{
public:
    /// How readContent treats an XHTML <div> wrapping the whole content (Atom type="xhtml").
    enum class Wrapper { Keep, UnwrapXhtmlDiv };

    explicit SafeXmlReader(QString fileName);
    ~SafeXmlReader();
    Q_DISABLE_COPY_MOVE(SafeXmlReader)

    /// Decodes bytes and prepares the reader. Refuses documents over text::kMaxDocumentBytes.
    Result<void> open(const QByteArray& bytes);

    /// Moves to the root element's start tag (past the prolog and DTD). Refuses DTDs that
    /// declare attribute defaults or entities that would expand past a fixed budget.
    Result<void> readRoot();

    /// open() then readRoot(): what every parser does first.
    Result<void> openAtRoot(const QByteArray& bytes);

    /// Like openAtRoot, but streams the file from disk through an XmlFileDevice: memory stays
    /// bounded whatever the file's size, and there is no size limit.
    Result<void> openFileAtRoot(const QString& path);

    /// True when the reader streams from a file (openFileAtRoot).
    bool streaming() const { return m_device != nullptr; }
    /// While streaming: bytes of the file read so far and its size (0 and 0 otherwise).
    qint64 bytesRead() const;
    qint64 bytesTotal() const;

    QXmlStreamReader& xml() { return m_xml; }
    const QString& fileName() const { return m_fileName; }
    int line() const { return static_cast<int>(m_xml.lineNumber()); }

    /// Reads from the current start tag to its end tag. text and markup are cut at maxChars.
    XmlContent readContent(qsizetype maxChars, bool withMarkup, Wrapper wrapper = Wrapper::Keep);

    /// The character data of the current element and its descendants, cut at maxChars.
    QString readText(qsizetype maxChars);

    /// HTML in an element the way feeds carry it: its child elements serialised as HTML
    /// (readContent's markup) when it has any, else its text (escaped or CDATA HTML), cut at maxChars.
    QString readHtml(qsizetype maxChars);

    /// Consumes what is left of the document after the root element (trailing junk is ignored,
    /// a truncated root is not).
    Result<void> finish();

    /// The reader's error (malformed or truncated XML) as an Error naming the file and line.
    Error streamError() const;

    /// An Error at the reader's current line.
    Error errorHere(const QString& message) const;

private:
    enum class Markup { None, IfElements, Always };
    XmlContent read(qsizetype maxChars, Markup markup, Wrapper wrapper);
    Result<void> checkDtd();
    void setUp();

    QString m_fileName;
    QString m_text;
    QXmlStreamReader m_xml;
    std::unique_ptr<QXmlStreamEntityResolver> m_resolver;
    std::unique_ptr<XmlFileDevice> m_device;
    QString m_path; // the file streamed from
};

} // namespace folio
