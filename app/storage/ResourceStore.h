// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace folio {

/// What the store accepts for one resource.
struct ResourceLimits
{
    qint64 maxBytes = 16 * 1024 * 1024; ///< encoded size of one image
    qint64 maxPixels = 40'000'000;      ///< width x height once decoded
};

/// Bytes that passed ResourceStore::verify: their hash and the type read from the bytes.
struct VerifiedResource
{
    QByteArray bytes;
    QString hash; ///< SHA-256, lower-case hex
    QString type; ///< image/png, image/jpeg, image/gif, image/webp, image/bmp
    int width = 0;
    int height = 0;
};

/// One resource URL of an article and what the store holds for it.
struct ArticleResource
{
    QString url;
    QString hash;  ///< empty when not stored
    QString type;
    qint64 size = 0;
    QString error; ///< why it is not stored (download or verification failure)
};

/// What a clean-up removed.
struct StoreCleanup
{
    int files = 0;
    qint64 bytes = 0;
};

/// The content-addressed resource store: files under <profile>/store/<first two hex>/<sha256>, one
/// copy per distinct content, described in `resources` and referenced per article and URL in
/// `article_resources`. Not thread-safe per instance; each thread makes its own with its connection.
class ResourceStore
{
public:
    ResourceStore(QSqlDatabase db, QString storeDir);

    /// <profileDir>/store
    static QString storeDirOf(const QString& profileDir);

    /// Checks bytes as an image (type sniffed from the bytes with QImageReader, never from a URL or
    /// header; size and decoded pixels within limits; it must decode) and hashes them. Thread-safe.
    static Result<VerifiedResource> verify(const QByteArray& bytes, const ResourceLimits& limits = {});

    QString pathOf(const QString& hash) const;

    /// Writes the file (once per hash, atomically) and records that articleId's url is it.
    Result<void> put(qint64 articleId, const QString& url, const VerifiedResource& resource);
    /// Records that articleId's url is the already stored file hash (NotFound when the store has no
    /// such file any more).
    Result<void> link(qint64 articleId, const QString& url, const QString& hash);
    /// Records that url of articleId could not be stored, and why.
    Result<void> recordFailure(qint64 articleId, const QString& url, const QString& error);

    Result<QList<ArticleResource>> resourcesOf(qint64 articleId);

    /// The bytes of a stored file, checked against its hash. A missing or corrupt file is
    /// forgotten (its rows cleared, so it is fetched again) and reported as NotFound.
    Result<QByteArray> load(const QString& hash);

    /// Bytes of all files the store describes.
    Result<qint64> totalBytes();

    /// Drops the resource rows of articleId (its files go at the next collectGarbage).
    Result<void> forgetArticle(qint64 articleId);

    /// Removes resources no article references (rows and files) and files no row describes.
    Result<StoreCleanup> collectGarbage();

private:
    Result<void> forgetHash(const QString& hash);

    QSqlDatabase m_db;
    QString m_dir;
};

} // namespace folio
