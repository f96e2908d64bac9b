// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The OPML part of FeedService: subscription lists in and out.
#include "feeds/FeedService.h"

#include "domain/WhenReady.h"
#include "feeds/Promises.h"
#include "ingest/OpmlParser.h"
#include "ingest/OpmlWriter.h"
#include "ingest/TextDecoding.h"
#include "storage/Library.h"
#include "storage/SaveFile.h"

#include <QDateTime>
#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace folio {

using feeds::readyFuture;
using feeds::settle;
using feeds::startedPromise;

namespace {

Error goneLibrary()
{
    return makeError(Error::Code::Generic, u"the library was closed"_s);
}

Result<QByteArray> opmlDocument(QSqlDatabase db)
{
    auto outlines = FeedStore(db).exportSubscriptions();
    if (!outlines) {
        return outlines.error();
    }
    return OpmlWriter::write(outlines.value(), FeedService::tr("Folio subscriptions"), QDateTime::currentDateTimeUtc());
}

} // namespace

QFuture<Result<SubscriptionImportReport>> FeedService::importSubscriptions(const QString& path)
{
    if (!m_library) {
        return readyFuture<SubscriptionImportReport>(goneLibrary());
    }
    auto promise = startedPromise<SubscriptionImportReport>();
    // Reading and parsing on the pool; only the insert on the writer.
    auto parsed = QtConcurrent::run([path]() -> Result<QList<OpmlOutline>> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(Error::Code::Io, u"cannot open: %1"_s.arg(file.errorString()), path);
        }
        const QByteArray bytes = file.read(text::kMaxDocumentBytes + 1);
        if (bytes.size() > text::kMaxDocumentBytes) {
            return makeError(Error::Code::Parse,
                             u"file is larger than %1 MiB"_s.arg(text::kMaxDocumentBytes / (1024 * 1024)), path);
        }
        auto document = OpmlParser::parse(bytes, path);
        if (!document) {
            return document.error();
        }
        return document->outlines;
    });
    whenReady(this, parsed, [this, promise](const Result<QList<OpmlOutline>>& outlines) {
        if (!outlines || !m_library) {
            settle<SubscriptionImportReport>(promise, outlines ? goneLibrary() : outlines.error());
            return;
        }
        auto stored = m_library->write<SubscriptionImportReport>(
            [list = outlines.value()](QSqlDatabase db) { return FeedStore(db).importSubscriptions(list); });
        whenReady(this, stored, [this, promise](const Result<SubscriptionImportReport>& report) {
            if (report && report->outlines > 0 && m_library) {
                Q_EMIT m_library->feedsChanged();
            }
            settle<SubscriptionImportReport>(promise, report);
        });
    });
    return promise->future();
}

QFuture<Result<QByteArray>> FeedService::subscriptionList()
{
    if (!m_library) {
        return readyFuture<QByteArray>(goneLibrary());
    }
    return m_library->read<QByteArray>([](QSqlDatabase db) { return opmlDocument(db); });
}

QFuture<Result<void>> FeedService::exportSubscriptions(const QString& path)
{
    if (!m_library) {
        return readyFuture<void>(goneLibrary());
    }
    return m_library->read<void>([path](QSqlDatabase db) -> Result<void> {
        auto bytes = opmlDocument(db);
        if (!bytes) {
            return bytes.error();
        }
        return saveFile(path, bytes.value());
    });
}

} // namespace folio
