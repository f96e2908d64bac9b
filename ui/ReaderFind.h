// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTextEdit>
#include <QTimer>

class QTextBrowser;

namespace folio {

/// Marks the words of a search in the reader (extra selections, so the document and the
/// annotation highlights stay untouched) and steps from one hit to the next.
class ReaderFind : public QObject
{
    Q_OBJECT

public:
    explicit ReaderFind(QTextBrowser* view, QObject* parent = nullptr);

    /// The plain words and phrases of a search text (no tag:, is:, -word, OR).
    static QStringList termsOf(const QString& searchText);

    /// Marks every occurrence of terms (case-insensitive) in the view's current document.
    void setTerms(const QStringList& terms);
    /// Marks again (the document was replaced).
    void reapply() { setTerms(m_terms); }
    int hitCount() const { return static_cast<int>(m_hits.size()); }
    int currentHit() const { return m_current; }
    /// Scrolls to the next / previous hit (wrapping) and marks it as the current one.
    void next();
    void previous();

Q_SIGNALS:
    void hitsChanged(int count);

private:
    void show(int index);

    QPointer<QTextBrowser> m_view;
    QStringList m_terms;
    QList<QTextEdit::ExtraSelection> m_hits;
    int m_current = -1;
    QTimer m_reapply;
};

} // namespace folio
