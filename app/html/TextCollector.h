// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <gumbo.h>

#include <algorithm>

/// Internal to app/html: the plain-text rules of toPlainText(), shared by its tree walk and by
/// sanitizeWithText(), which applies them to the sanitiser's output as it is written.
namespace folio::html::detail {

/// HTML's white space. Other spaces (U+00A0 from &nbsp;, U+2003 …) are content and stay.
inline bool isCollapsibleSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

QStringView trimCollapsible(QStringView s);

/// Line breaks an element puts before and after itself in plain text (0 = inline).
int blockBreaks(GumboTag tag);

/// Elements whose text keeps its white space.
bool keepsWhiteSpace(GumboTag tag);

/// Accumulates text with pending separators, so breaks and spaces only appear between words.
class TextCollector
{
public:
    void requestBreaks(int count) { m_pendingBreaks = std::max(m_pendingBreaks, count); }
    void lineBreak() { ++m_pendingBreaks; }
    void space() { m_pendingSpace = true; }
    qsizetype size() const { return m_out.size(); }
    void reserve(qsizetype chars) { m_out.reserve(chars); }

    void text(QStringView text, bool preformatted);

    /// Trailing blanks removed from every line, at most one blank line in a row, trimmed. A line of
    /// nothing but spaces (a "<p>&nbsp;</p>" spacer) is blank too.
    QString finish() const;

private:
    void flush();

    QString m_out;
    int m_pendingBreaks = 0;
    bool m_pendingSpace = false;
};

} // namespace folio::html::detail
