// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The annotation part of Library: same threads and connections as Library.cpp.
#include "storage/Library.h"

#include "storage/AnnotationStore.h"
#include "storage/ArticleStore.h"
#include "storage/Database.h"

#include <QtConcurrent/QtConcurrentRun>

namespace folio {

namespace {

template<typename T, typename Fn>
QFuture<Result<T>> runWith(QThreadPool* pool, const QString& path, Fn fn)
{
    return QtConcurrent::run(pool, [path, fn = std::move(fn)]() -> Result<T> {
        auto db = Database::connection(path);
        if (!db) {
            return db.error();
        }
        return fn(db.value());
    });
}

} // namespace

QFuture<Result<QList<Annotation>>> Library::annotations(qint64 articleId)
{
    return runWith<QList<Annotation>>(&m_readPool, m_databasePath,
                                      [articleId](QSqlDatabase db) { return AnnotationStore(db).forArticle(articleId); });
}

QFuture<Result<Annotation>> Library::addAnnotation(const Annotation& annotation)
{
    return runWith<Annotation>(&m_writePool, m_databasePath, [this, annotation](QSqlDatabase db) {
        auto r = AnnotationStore(db).add(annotation);
        if (r) {
            Q_EMIT annotationsChanged(annotation.articleId);
        }
        return r;
    });
}

QFuture<Result<Annotation>> Library::updateAnnotation(qint64 id, const QString& note, const QString& color)
{
    return runWith<Annotation>(&m_writePool, m_databasePath, [this, id, note, color](QSqlDatabase db) {
        auto r = AnnotationStore(db).update(id, note, color);
        if (r) {
            Q_EMIT annotationsChanged(r->articleId);
        }
        return r;
    });
}

QFuture<Result<void>> Library::removeAnnotation(const Annotation& annotation)
{
    return runWith<void>(&m_writePool, m_databasePath, [this, annotation](QSqlDatabase db) {
        auto r = AnnotationStore(db).remove(annotation.id);
        if (r) {
            Q_EMIT annotationsChanged(annotation.articleId);
        }
        return r;
    });
}

QFuture<Result<Annotation>> Library::restoreAnnotation(const Annotation& annotation)
{
    return runWith<Annotation>(&m_writePool, m_databasePath, [this, annotation](QSqlDatabase db) {
        auto r = AnnotationStore(db).restore(annotation);
        if (r) {
            Q_EMIT annotationsChanged(annotation.articleId);
        }
        return r;
    });
}

QFuture<Result<QList<AnnotatedArticle>>> Library::annotatedArticles(const AnnotationFilter& filter)
{
    return runWith<QList<AnnotatedArticle>>(&m_readPool, m_databasePath, [filter](QSqlDatabase db) {
        return AnnotationStore(db).annotatedArticles(filter);
    });
}

QFuture<Result<QList<Article>>> Library::articles(const QList<qint64>& ids)
{
    return runWith<QList<Article>>(&m_readPool, m_databasePath, [ids](QSqlDatabase db) -> Result<QList<Article>> {
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
