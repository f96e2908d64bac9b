// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeds/OfflineContent.h"

#include "html/ImageSources.h"
#include "storage/Database.h"

#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace folio {

QFuture<Result<OfflineContent>> loadOfflineContent(QThreadPool* pool, const QString& databasePath, qint64 articleId)
{
    return QtConcurrent::run(pool, [databasePath, articleId]() -> Result<OfflineContent> {
        auto db = Database::connection(databasePath);
        if (!db) {
            return db.error();
        }
        const QString dir = ResourceStore::storeDirOf(QFileInfo(databasePath).absolutePath());
        OfflineStore offline(db.value(), dir);
        auto status = offline.status(articleId);
        if (!status) {
            return status.error();
        }
        auto work = offline.work({articleId}, false);
        if (!work) {
            return work.error();
        }
        OfflineContent content;
        content.articleId = articleId;
        content.full = status->full;
        content.offline = status->offline;
        ResourceStore store(db.value(), dir);
        for (const ArticleResource& r : std::as_const(status->resources)) {
            auto bytes = store.load(r.hash);
            QImage image;
            if (bytes) {
                image = QImage::fromData(bytes.value());
            }
            if (!image.isNull()) {
                content.images.insert(r.url, image);
            }
        }
        QStringList wanted = html::imageSources(work->first().contentHtml);
        if (content.full) {
            wanted += html::imageSources(content.full->html);
        }
        for (const QString& url : std::as_const(wanted)) {
            if (!content.images.contains(url) && !content.missing.contains(url)) {
                content.missing.append(url);
            }
        }
        if (!content.missing.isEmpty()) {
            content.offline = false;
        }
        return content;
    });
}

} // namespace folio
