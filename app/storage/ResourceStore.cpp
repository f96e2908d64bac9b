// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ResourceStore.h"

#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSaveFile>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QString mimeForFormat(const QByteArray& format)
{
    if (format == "png") {
        return u"image/png"_s;
    }
    if (format == "jpeg" || format == "jpg") {
        return u"image/jpeg"_s;
    }
    if (format == "gif") {
        return u"image/gif"_s;
    }
    if (format == "webp") {
        return u"image/webp"_s;
    }
    if (format == "bmp") {
        return u"image/bmp"_s;
    }
    return {}; // SVG and everything else is refused: not a raster image we can check
}

bool isHash(const QString& name)
{
    return name.size() == 64 && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

} // namespace

ResourceStore::ResourceStore(QSqlDatabase db, QString storeDir)
    : m_db(std::move(db))
    , m_dir(std::move(storeDir))
{
}

QString ResourceStore::storeDirOf(const QString& profileDir)
{
    return QDir(profileDir).filePath(u"store"_s);
}

Result<VerifiedResource> ResourceStore::verify(const QByteArray& bytes, const ResourceLimits& limits)
{
    if (bytes.isEmpty()) {
        return makeError(Error::Code::Invalid, u"empty resource"_s);
    }
    if (bytes.size() > limits.maxBytes) {
        return makeError(Error::Code::Invalid, u"resource larger than %1 bytes"_s.arg(limits.maxBytes));
    }
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QString type = mimeForFormat(reader.format().toLower());
    if (type.isEmpty()) {
        return makeError(Error::Code::Invalid, u"not an image of a supported type"_s);
    }
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > limits.maxPixels) {
        return makeError(Error::Code::Invalid, u"image of %1x%2 pixels is too large"_s.arg(size.width()).arg(size.height()));
    }
    reader.setAllocationLimit(int(std::min<qint64>(limits.maxPixels * 4 / (1024 * 1024) + 1, 1024)));
    const QImage image = reader.read();
    if (image.isNull()) {
        return makeError(Error::Code::Invalid, u"image does not decode: %1"_s.arg(reader.errorString()));
    }
    if (qint64(image.width()) * image.height() > limits.maxPixels) {
        return makeError(Error::Code::Invalid, u"image is too large"_s);
    }
    VerifiedResource r;
    r.bytes = bytes;
    r.hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    r.type = type;
    r.width = image.width();
    r.height = image.height();
    return r;
}

QString ResourceStore::pathOf(const QString& hash) const
{
    return QDir(m_dir).filePath(hash.left(2) + u'/' + hash);
}

Result<void> ResourceStore::put(qint64 articleId, const QString& url, const VerifiedResource& resource)
{
    const QString path = pathOf(resource.hash);
    const QFileInfo info(path);
    if (!info.exists() || info.size() != resource.bytes.size()) {
        if (!QDir().mkpath(info.absolutePath())) {
            return makeError(Error::Code::Io, u"cannot create %1"_s.arg(info.absolutePath()));
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(resource.bytes) != resource.bytes.size() || !file.commit()) {
            return makeError(Error::Code::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()));
        }
    }
    Transaction tx(m_db);
    if (auto s = tx.status(); !s) {
        return s;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO resources(hash, type, size, width, height, stored) VALUES(:h, :t, :s, :w, :ht, :now) "
              "ON CONFLICT(hash) DO NOTHING"_s);
    q.bindValue(u":h"_s, resource.hash);
    q.bindValue(u":t"_s, resource.type);
    q.bindValue(u":s"_s, resource.bytes.size());
    q.bindValue(u":w"_s, resource.width);
    q.bindValue(u":ht"_s, resource.height);
    q.bindValue(u":now"_s, now);
    if (!q.exec()) {
        return Database::sqlError(q, u"store resource"_s);
    }
    if (auto linked = link(articleId, url, resource.hash); !linked) {
        return linked;
    }
    return tx.commit();
}

Result<void> ResourceStore::link(qint64 articleId, const QString& url, const QString& hash)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT 1 FROM resources WHERE hash = :h"_s);
    q.bindValue(u":h"_s, hash);
    if (!q.exec()) {
        return Database::sqlError(q, u"find resource"_s);
    }
    if (!q.next() || !QFile::exists(pathOf(hash))) {
        return makeError(Error::Code::NotFound, u"stored file %1 is missing"_s.arg(hash));
    }
    q.prepare(u"INSERT INTO article_resources(article_id, url, hash, error, attempted) VALUES(:a, :u, :h, NULL, :now) "
              "ON CONFLICT(article_id, url) DO UPDATE SET hash = excluded.hash, error = NULL, attempted = excluded.attempted"_s);
    q.bindValue(u":a"_s, articleId);
    q.bindValue(u":u"_s, url);
    q.bindValue(u":h"_s, hash);
    q.bindValue(u":now"_s, QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        return Database::sqlError(q, u"link resource"_s);
    }
    return {};
}

Result<void> ResourceStore::recordFailure(qint64 articleId, const QString& url, const QString& error)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO article_resources(article_id, url, hash, error, attempted) VALUES(:a, :u, NULL, :e, :now) "
              "ON CONFLICT(article_id, url) DO UPDATE SET hash = NULL, error = excluded.error, attempted = excluded.attempted"_s);
    q.bindValue(u":a"_s, articleId);
    q.bindValue(u":u"_s, url);
    q.bindValue(u":e"_s, error);
    q.bindValue(u":now"_s, QDateTime::currentSecsSinceEpoch());
    if (!q.exec()) {
        return Database::sqlError(q, u"record resource failure"_s);
    }
    return {};
}

Result<QList<ArticleResource>> ResourceStore::resourcesOf(qint64 articleId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT ar.url, ar.hash, r.type, r.size, ar.error FROM article_resources ar "
              "LEFT JOIN resources r ON r.hash = ar.hash WHERE ar.article_id = :a ORDER BY ar.url"_s);
    q.bindValue(u":a"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"read resources"_s);
    }
    QList<ArticleResource> out;
    while (q.next()) {
        out.append(ArticleResource{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toLongLong(), q.value(4).toString()});
    }
    return out;
}

Result<QByteArray> ResourceStore::load(const QString& hash)
{
    QFile file(pathOf(hash));
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly)) {
        bytes = file.readAll();
    }
    const bool intact = !bytes.isEmpty()
                        && QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) == hash;
    if (intact) {
        return bytes;
    }
    file.close();
    QFile::remove(pathOf(hash));
    if (auto r = forgetHash(hash); !r) {
        return r.error();
    }
    return makeError(Error::Code::NotFound, u"stored file %1 is missing or damaged"_s.arg(hash));
}

Result<void> ResourceStore::forgetHash(const QString& hash)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE article_resources SET hash = NULL, error = 'stored file missing or damaged' WHERE hash = :h"_s);
    q.bindValue(u":h"_s, hash);
    if (!q.exec()) {
        return Database::sqlError(q, u"forget resource"_s);
    }
    q.prepare(u"DELETE FROM resources WHERE hash = :h"_s);
    q.bindValue(u":h"_s, hash);
    if (!q.exec()) {
        return Database::sqlError(q, u"forget resource"_s);
    }
    return {};
}

Result<qint64> ResourceStore::totalBytes()
{
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT COALESCE(SUM(size), 0) FROM resources"_s) || !q.next()) {
        return Database::sqlError(q, u"store size"_s);
    }
    return q.value(0).toLongLong();
}

Result<void> ResourceStore::forgetArticle(qint64 articleId)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM article_resources WHERE article_id = :a"_s);
    q.bindValue(u":a"_s, articleId);
    if (!q.exec()) {
        return Database::sqlError(q, u"forget article resources"_s);
    }
    return {};
}

Result<StoreCleanup> ResourceStore::collectGarbage()
{
    StoreCleanup cleanup;
    QSqlQuery q(m_db);
    if (!q.exec(u"DELETE FROM resources WHERE NOT EXISTS "
                "(SELECT 1 FROM article_resources ar WHERE ar.hash = resources.hash)"_s)) {
        return Database::sqlError(q, u"drop unreferenced resources"_s);
    }
    QSet<QString> known;
    if (!q.exec(u"SELECT hash FROM resources"_s)) {
        return Database::sqlError(q, u"list resources"_s);
    }
    while (q.next()) {
        known.insert(q.value(0).toString());
    }
    QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString name = info.fileName();
        // Only our own files: a hash name in a folder named after its first two characters.
        if (!isHash(name) || info.dir().dirName() != name.left(2) || known.contains(name)) {
            continue;
        }
        const qint64 size = info.size();
        if (QFile::remove(info.filePath())) {
            ++cleanup.files;
            cleanup.bytes += size;
        }
    }
    return cleanup;
}

} // namespace folio
