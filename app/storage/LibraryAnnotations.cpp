// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The annotation part of Library: same threads and connections as Library.cpp.
#include "storage/Library.h"

#include "storage/AnnotationStore.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"


namespace folio {

QFuture<Result<QList<Annotation>>> Library::annotations(qint64 articleId)
{
    return read<QList<Annotation>>([articleId](QSqlDatabase db) { return AnnotationStore(db).forArticle(articleId); });
}

QFuture<Result<Annotation>> Library::addAnnotation(const Annotation& annotation)
{
    return write<Annotation>([this, annotation](QSqlDatabase db) {
        auto r = AnnotationStore(db).add(annotation);
        if (r) {
            Q_EMIT annotationsChanged(annotation.articleId);
        }
        return r;
    });
}

QFuture<Result<Annotation>> Library::updateAnnotation(qint64 id, const QString& note, const QString& color)
{
    return write<Annotation>([this, id, note, color](QSqlDatabase db) {
        auto r = AnnotationStore(db).update(id, note, color);
        if (r) {
            Q_EMIT annotationsChanged(r->articleId);
        }
        return r;
    });
}

QFuture<Result<void>> Library::removeAnnotation(const Annotation& annotation)
{
    return write<void>([this, annotation](QSqlDatabase db) {
        auto r = AnnotationStore(db).remove(annotation.id);
        if (r) {
            Q_EMIT annotationsChanged(annotation.articleId);
        }
        return r;
    });
}

QFuture<Result<Annotation>> Library::restoreAnnotation(const Annotation& annotation)
{
    return write<Annotation>([this, annotation](QSqlDatabase db) {
        auto r = AnnotationStore(db).restore(annotation);
        if (r) {
            Q_EMIT annotationsChanged(annotation.articleId);
        }
        return r;
    });
}

QFuture<Result<QList<AnnotatedArticle>>> Library::annotatedArticles(const AnnotationFilter& filter)
{
    return read<QList<AnnotatedArticle>>([filter](QSqlDatabase db) {
        return AnnotationStore(db).annotatedArticles(filter);
    });
}

QFuture<Result<QList<Article>>> Library::articles(const QList<qint64>& ids)
{
    return read<QList<Article>>([ids](QSqlDatabase db) -> Result<QList<Article>> {
        QList<Article> out;
        ArticleStore store(db);
        for (const qint64 id : ids) {
            auto a = store.article(id);
            if (!a) {
                return a.error();
            }
            out.append(a.value());
        }
        return out;
    });
}

} // namespace folio
