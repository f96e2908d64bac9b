// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReaderFind.h"

#include <QRegularExpression>
#include <QTextBrowser>
#include <QTextDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace folio {

ReaderFind::ReaderFind(QTextBrowser* view, QObject* parent)
    : QObject(parent)
    , m_view(view)
{
    setObjectName(u"readerFind"_s);
    // The reader re-renders its page (highlights, offline images): mark the words again then.
    m_reapply.setSingleShot(true);
    m_reapply.setInterval(0);
    connect(&m_reapply, &QTimer::timeout, this, &ReaderFind::reapply);
    if (m_view) {
        connect(m_view->document(), &QTextDocument::contentsChanged, &m_reapply, qOverload<>(&QTimer::start));
    }
}

QStringList ReaderFind::termsOf(const QString& searchText)
{
    static const QRegularExpression token(uR"re("([^"]*)"|(\S+))re"_s);
    static const QRegularExpression keyed(u"^-?[a-z]+(:|>=|<=|<|>)"_s, QRegularExpression::CaseInsensitiveOption);
    QStringList terms;
    auto it = token.globalMatch(searchText);
    while (it.hasNext()) {
        const auto m = it.next();
        QString term = m.captured(1).isNull() ? m.captured(2) : m.captured(1);
        if (m.captured(1).isNull()) {
            if (term == "OR"_L1 || term == "AND"_L1 || term == "NOT"_L1 || term.startsWith(u'-') || keyed.match(term).hasMatch()) {
                continue;
            }
            term.remove(u'(').remove(u')');
            if (term.endsWith(u'*')) {
                term.chop(1);
            }
        }
        term = term.simplified();
        if (!term.isEmpty() && !terms.contains(term, Qt::CaseInsensitive)) {
            terms.append(term);
        }
    }
    return terms;
}

void ReaderFind::setTerms(const QStringList& terms)
{
    m_terms = terms;
    m_hits.clear();
    m_current = -1;
    if (!m_view) {
        return;
    }
    QTextDocument* document = m_view->document();
    QTextCharFormat format;
    QColor mark(255, 200, 0);
    mark.setAlpha(140);
    format.setBackground(mark);
    for (const QString& term : std::as_const(terms)) {
        QTextCursor cursor(document);
        while (true) {
            cursor = document->find(term, cursor);
            if (cursor.isNull()) {
                break;
            }
            QTextEdit::ExtraSelection selection;
            selection.cursor = cursor;
            selection.format = format;
            m_hits.append(selection);
        }
    }
    std::sort(m_hits.begin(), m_hits.end(), [](const QTextEdit::ExtraSelection& a, const QTextEdit::ExtraSelection& b) {
        return a.cursor.selectionStart() < b.cursor.selectionStart();
    });
    m_view->setExtraSelections(m_hits);
    Q_EMIT hitsChanged(hitCount());
}

void ReaderFind::next()
{
    if (!m_hits.isEmpty()) {
        show((m_current + 1) % hitCount());
    }
}

void ReaderFind::previous()
{
    if (!m_hits.isEmpty()) {
        show((m_current - 1 + hitCount()) % hitCount());
    }
}

void ReaderFind::show(int index)
{
    m_current = index;
    QList<QTextEdit::ExtraSelection> selections = m_hits;
    QTextCharFormat current = selections[index].format;
    current.setBackground(QColor(255, 140, 0));
    current.setForeground(Qt::black);
    selections[index].format = current;
    m_view->setExtraSelections(selections);
    QTextCursor cursor = m_hits.at(index).cursor;
    cursor.clearSelection();
    m_view->setTextCursor(cursor);
    m_view->ensureCursorVisible();
}

} // namespace folio
