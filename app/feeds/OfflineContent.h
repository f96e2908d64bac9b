// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "storage/OfflineStore.h"

#include <QFuture>
#include <QHash>
#include <QImage>
#include <QString>
#include <QStringList>

class QThreadPool;

namespace folio {

/// What the reader shows of an article beyond its text, read from the store (never the network).
struct OfflineContent
{
    qint64 articleId = 0;
    QHash<QString, QImage> images; ///< image URL (as in the HTML) -> decoded image from the store
    QStringList missing;           ///< image URLs of the article that the store does not have
    std::optional<FullArticle> full;
    bool offline = false;
};

/// Reads and decodes the stored images and the full article of articleId on pool (a worker
/// thread with its own connection). A missing or damaged file is listed as missing (and forgotten
/// by the store, so the next download fetches it again), never an error.
QFuture<Result<OfflineContent>> loadOfflineContent(QThreadPool* pool, const QString& databasePath, qint64 articleId);

} // namespace folio
