// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ImportPipeline.h"

#include "ingest/DocumentParser.h"
#include "storage/ImportWriter.h"
#include "storage/Importer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcImport, "folio.import", QtWarningMsg)

namespace folio {

namespace {

// CPU time of the calling thread (ns), so that a busy machine does not inflate the figure; wall
// time where the platform has no per-thread clock.
qint64 threadCpuNs()
{
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
#else
    static QElapsedTimer clock;
    if (!clock.isValid()) {
        clock.start();
    }
    return clock.nsecsElapsed();
#endif
}

// What the reader, the prepare threads and the writer share for one file.
struct Shared
{
    explicit Shared(int slots)
        : free(slots)
    {
    }
    QSemaphore free; // batches that may still be started (back-pressure)
    QMutex mutex;
    QWaitCondition changed;
    std::map<int, std::vector<PreparedItem>> ready; // prepared batches by sequence number
    std::shared_ptr<const ImportTarget> target;     // from the head at the first item
    int submitted = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    bool readerDone = false;
    std::optional<Error> readerError;
    std::optional<ParsedFeed> head; // the final head, when the reader is done
    std::atomic<bool> abort{false};
};

} // namespace

Result<ImportReport> ImportPipeline::importFile(QSqlDatabase db, const QString& path, const PipelineOptions& options,
                                                PipelineStats* stats)
{
    const int threads = options.threads > 0 ? options.threads : qMax(1, QThread::idealThreadCount());
    const int maxBatches = options.maxBatches > 0 ? options.maxBatches : 2 * threads + 2;
    const int batchItems = qMax(1, options.batchItems);
    auto shared = std::make_shared<Shared>(maxBatches);
    QThreadPool pool;
    pool.setMaxThreadCount(threads);

    // --- Reader: parse, cut into batches, hand each to the pool. ---
    std::unique_ptr<QThread> reader(QThread::create([shared, &pool, path, batchItems] {
        QList<FeedItem> batch;
        const auto submit = [&] {
            shared->free.acquire();
            if (shared->abort) {
                return;
            }
            int seq = 0;
            std::shared_ptr<const ImportTarget> target;
            {
                QMutexLocker lock(&shared->mutex);
                seq = shared->submitted++;
                shared->maxInFlight = qMax(shared->maxInFlight, ++shared->inFlight);
                target = shared->target;
            }
            pool.start([shared, seq, target, items = std::move(batch)] {
                std::vector<PreparedItem> prepared;
                if (!shared->abort) {
                    prepared.reserve(static_cast<size_t>(items.size()));
                    for (const FeedItem& item : items) {
                        prepared.push_back(Importer::prepare(item, *target));
                    }
                }
                QMutexLocker lock(&shared->mutex);
                shared->ready.emplace(seq, std::move(prepared));
                shared->changed.wakeAll();
            });
            batch = {};
            batch.reserve(batchItems);
        };
        batch.reserve(batchItems);
        const ItemSink sink = [&](const ParsedFeed& head, FeedItem&& item) {
            if (shared->abort) {
                return false;
            }
            if (!shared->target) {
                shared->target = std::make_shared<const ImportTarget>(Importer::target(head, path));
            }
            batch.append(std::move(item));
            if (batch.size() >= batchItems) {
                submit();
            }
            return !shared->abort.load();
        };
        Result<ParsedFeed> parsed = DocumentParser::streamFile(path, sink);
        if (parsed && !batch.isEmpty()) {
            submit();
        }
        QMutexLocker lock(&shared->mutex);
        shared->readerDone = true;
        if (!parsed) {
            Error e = parsed.error();
            if (e.file.isEmpty()) {
                e.file = path;
            }
            shared->readerError = e;
        } else {
            shared->head = std::move(parsed).value();
        }
        shared->changed.wakeAll();
    }));
    reader->start();

    // Stops the other stages and waits for them: nothing may outlive this call.
    const auto stop = [&] {
        shared->abort = true;
        shared->free.release(maxBatches);
        reader->wait();
        pool.waitForDone();
    };

    // --- Writer (this thread): store the batches in order. ---
    QElapsedTimer wall;
    wall.start();
    qint64 writerNs = 0;
    ImportWriter writer(db);
    int next = 0;
    while (true) {
        std::vector<PreparedItem> items;
        {
            QMutexLocker lock(&shared->mutex);
            while (!shared->ready.count(next) && !shared->readerError
                   && !(shared->readerDone && next >= shared->submitted)) {
                shared->changed.wait(&shared->mutex);
            }
            if (shared->readerError) {
                break;
            }
            const auto it = shared->ready.find(next);
            if (it == shared->ready.end()) {
                break; // every batch is stored
            }
            items = std::move(it->second);
            shared->ready.erase(it);
        }
        const qint64 busyFrom = threadCpuNs();
        if (!writer.begun()) {
            if (auto b = writer.begin(shared->target->source); !b) {
                stop();
                Error e = b.error();
                e.file = path;
                return e;
            }
        }
        for (const PreparedItem& item : items) {
            if (auto r = writer.store(item); !r) {
                stop();
                Error e = r.error();
                e.file = path;
                e.line = item.item.line;
                return e;
            }
        }
        // Freeing a batch is a few percent of the writer's time: a pool thread does it.
        pool.start([done = std::move(items)]() mutable { done = {}; });
        writerNs += threadCpuNs() - busyFrom;
        {
            QMutexLocker lock(&shared->mutex);
            --shared->inFlight;
        }
        shared->free.release();
        ++next;
    }
    if (shared->readerError) {
        stop();
        return *shared->readerError; // the writer rolls back what it stored
    }
    reader->wait();
    pool.waitForDone();
    const ImportTarget final = Importer::target(*shared->head, path);
    const qint64 commitFrom = threadCpuNs();
    auto report = writer.commit(final.source);
    writerNs += threadCpuNs() - commitFrom;
    if (!report) {
        Error e = report.error();
        e.file = path;
        return e;
    }
    report->file = path;
    report->format = shared->head->format;
    qCInfo(lcImport, "%s: %d items in %.3f s, writer CPU %.3f s, %d batches, at most %d of %d in flight",
           qPrintable(path), report->items, double(wall.nsecsElapsed()) / 1e9, double(writerNs) / 1e9, next,
           shared->maxInFlight, maxBatches);
    if (stats) {
        stats->writerSeconds = double(writerNs) / 1e9;
        stats->batches = next;
        stats->maxInFlight = shared->maxInFlight;
        stats->maxBatches = maxBatches;
    }
    return report;
}

} // namespace folio
