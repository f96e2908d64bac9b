// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AnnotatedArticle.h"
#include "domain/Annotation.h"
#include "domain/Article.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>

namespace folio {

/// The reader's highlights and notes. Synchronous: call it on the thread that owns db. Every
/// write is one committed transaction, except reanchor(), which joins the caller's.
class AnnotationStore
{
public:
    explicit AnnotationStore(QSqlDatabase db);

    /// The text annotation offsets count in (see html::anchorText).
    static QString anchorText(const Article& article);
    /// The colour names a highlight may have.
    static QStringList colors();

    Result<QList<Annotation>> forArticle(qint64 articleId);
    Result<Annotation> annotation(qint64 id);

    /// Stores a new annotation. A highlight is placed in the article's current anchor text by
    /// its quote and offsets (Anchoring::reattach) and gets prefix and suffix from there; one
    /// that cannot be placed is refused. Returns the stored annotation with its id.
    Result<Annotation> add(Annotation annotation);
    /// A highlight of the occurrence-th (1-based) occurrence of quote in the article's text.
    Result<Annotation> addQuote(qint64 articleId, const QString& quote, const QString& note, const QString& color,
                                int occurrence = 1);
    Result<Annotation> update(qint64 id, const QString& note, const QString& color);
    Result<void> remove(qint64 id);
    /// Puts a removed annotation back as it was (same id when free, same anchor): undo of remove.
    Result<Annotation> restore(const Annotation& annotation);

    /// Re-attaches the article's highlights to its current text (after a content update).
    /// Runs inside the caller's transaction. Returns how many changed.
    Result<int> reanchor(qint64 articleId);

    /// Annotated (and, if asked, bookmarked) articles with their annotations, newest first.
    Result<QList<AnnotatedArticle>> annotatedArticles(const AnnotationFilter& filter);

private:
    Result<QString> anchorTextOf(qint64 articleId);
    Result<Annotation> insert(const Annotation& a, bool keepId);
    Result<void> writeAnchor(const Annotation& a);

    QSqlDatabase m_db;
};

} // namespace folio
