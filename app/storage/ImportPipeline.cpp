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
#include <cerrno>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif

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

/// The scheduling priority of the calling thread, as yieldToTheWriter() compares it (Linux: its
/// nice value; elsewhere unused).
int threadNice()
{
#if defined(Q_OS_LINUX)
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, 0); // on Linux: the calling thread's own
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

/// Lets the writer go first: called by the reader and the prepare tasks, it puts the calling
/// thread a little below the writer (writerNice, the writer thread's threadNice()), once. The
/// writer is the import's critical path (one thread, most of it inside SQLite), and with more
/// threads than cores the scheduler would otherwise give it only its share of a core; the
/// reader and the prepare tasks are bounded by the back-pressure, so they run on whatever the
/// writer leaves. (In the window, the GUI thread keeps its priority too.) The level is set, not
/// added: a pool thread started by the reader inherits the reader's.
void yieldToTheWriter(int writerNice)
{
    thread_local bool lowered = false;
    if (lowered) {
        return;
    }
    lowered = true;
#if defined(Q_OS_LINUX)
    // Linux keeps a nice value per thread (PRIO_PROCESS with 0 is the calling thread), and Qt's
    // priorities do not change it (SCHED_OTHER has a single priority).
    const int target = qMin(writerNice + 5, 19);
    if (threadNice() < target) {
        static_cast<void>(setpriority(PRIO_PROCESS, 0, target));
    }
#else
    Q_UNUSED(writerNice);
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

// What the items between the reader and the writer may hold at once (KiB of their text as the
// parser hands it on, which is about what the prepared items keep): enough for the reader and the
// prepare threads to run on while the writer spends half a second on one step (indexing a chunk
// for search), and a bound on memory whatever the items' size. Measured on one 100k file against
// 12 MiB: 16 MiB was no faster (8 MiB more at the peak), 8 MiB about 7 % slower. A batch is also
// cut at a sixteenth of it, so that a feed of long articles still keeps every prepare thread busy.
constexpr int kInFlightKiB = 12 * 1024;
constexpr int kBatchParts = 16;

// The text an item holds, in bytes (UTF-16, and a little for the rest of it).
qint64 itemBytes(const FeedItem& item)
{
    qsizetype chars = item.id.size() + item.title.size() + item.link.size() + item.author.size()
        + item.summary.size() + item.contentHtml.size();
    for (const QString& tag : item.tags) {
        chars += tag.size();
    }
    return 2 * qint64(chars) + 256;
}

// A batch ready for the writer, how far into the file the reader was when it cut it, and its
// share of the in-flight budget (KiB).
struct PreparedBatch
{
    std::vector<PreparedItem> items;
    qint64 readTo = 0;
    int kib = 0;
};

// What the reader, the prepare threads and the writer share for one file.
struct Shared
{
    Shared(int slots, std::shared_ptr<QSemaphore> budget, int budgetKiB)
        : free(slots)
        , budget(std::move(budget))
        , budgetKiB(budgetKiB)
    {
    }
    QSemaphore free; // batches of this file that may still be started (back-pressure)
    // KiB of item text that may still be started, shared by the files of one run: the next file's
    // reader, which starts while the writer finishes the file before, takes only what it leaves.
    std::shared_ptr<QSemaphore> budget;
    const int budgetKiB;
    QMutex mutex;
    QWaitCondition changed;
    std::map<int, PreparedBatch> ready; // prepared batches by sequence number
    qint64 fileBytes = 0;               // the file's size, once known
    std::shared_ptr<const ImportTarget> target;     // from the head at the first item
    int submitted = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    int kibInFlight = 0;    // this file's part of the budget, taken and not yet given back
    int maxKiBInFlight = 0; // most of the budget in use (by any file) when this file took a part
    bool readerDone = false;
    std::optional<Error> readerError;
    std::optional<ParsedFeed> head; // the final head, when the reader is done
    std::atomic<bool> abort{false};
    int writerNice = 0; // the writer thread's priority (threadNice()), taken when the read starts
};

} // namespace

/// One file's reader and its prepare tasks: started ahead of the writer, so that the next file
/// is parsed and prepared while the writer stores and commits the one before it.
class ImportPipeline::FileRead
{
public:
    FileRead(QString path, QThreadPool& pool, int batchItems, int maxBatches,
             const std::shared_ptr<QSemaphore>& budget, int budgetKiB)
        : m_path(std::move(path))
        , m_pool(pool)
        , m_maxBatches(maxBatches)
        , m_shared(std::make_shared<Shared>(maxBatches, budget, budgetKiB))
    {
        m_shared->writerNice = threadNice(); // constructed by the writer's thread
        m_reader.reset(QThread::create([shared = m_shared, pool = &m_pool, path = m_path, batchItems] {
            read(shared, *pool, path, batchItems);
        }));
        m_reader->start();
    }

    ~FileRead() { stop(); }
    FileRead(const FileRead&) = delete;
    FileRead& operator=(const FileRead&) = delete;

    /// Stops the reader and this file's prepare tasks and waits for the reader: nothing of this
    /// file is started after it (tasks already queued see the abort and do nothing).
    void stop()
    {
        if (m_reader && !m_stopped) {
            m_stopped = true;
            m_shared->abort = true;
            m_shared->free.release(m_maxBatches);
            m_reader->wait();
            // The budget of the batches the writer will not take now (a failed file) goes back.
            QMutexLocker lock(&m_shared->mutex);
            m_shared->budget->release(m_shared->kibInFlight);
            m_shared->kibInFlight = 0;
        }
    }

    /// The next prepared batch in file order, and how far into the file it reaches (bytes); false
    /// when every batch was handed out, or when the reader failed (readerError()).
    bool next(std::vector<PreparedItem>& items, qint64& readTo, int& kib)
    {
        QMutexLocker lock(&m_shared->mutex);
        while (!m_shared->ready.count(m_next) && !m_shared->readerError
               && !(m_shared->readerDone && m_next >= m_shared->submitted)) {
            m_shared->changed.wait(&m_shared->mutex);
        }
        if (m_shared->readerError) {
            return false;
        }
        const auto it = m_shared->ready.find(m_next);
        if (it == m_shared->ready.end()) {
            return false;
        }
        items = std::move(it->second.items);
        readTo = it->second.readTo;
        kib = it->second.kib;
        m_shared->ready.erase(it);
        ++m_next;
        return true;
    }

    /// The writer is done with a batch of kib KiB (next()): the reader may start another.
    void release(int kib)
    {
        {
            QMutexLocker lock(&m_shared->mutex);
            --m_shared->inFlight;
            m_shared->kibInFlight -= kib;
        }
        m_shared->budget->release(kib);
        m_shared->free.release();
    }

    /// Waits for the reader thread to end (after the last batch was handed out, it has).
    void waitForReader() { m_reader->wait(); }

    /// True once the reader has read the whole file (or failed).
    bool readerDone() const
    {
        QMutexLocker lock(&m_shared->mutex);
        return m_shared->readerDone;
    }
    const std::optional<Error>& readerError() const { return m_shared->readerError; }
    const ImportTarget& target() const { return *m_shared->target; }
    const ParsedFeed& head() const { return *m_shared->head; }
    const QString& path() const { return m_path; }
    int batches() const { return m_next; }
    qint64 fileBytes() const
    {
        QMutexLocker lock(&m_shared->mutex);
        return m_shared->fileBytes;
    }
    int maxInFlight() const { return m_shared->maxInFlight; }
    int maxKiBInFlight() const { return m_shared->maxKiBInFlight; }

private:
    static void read(const std::shared_ptr<Shared>& shared, QThreadPool& pool, const QString& path, int batchItems)
    {
        yieldToTheWriter(shared->writerNice);
        QList<FeedItem> batch;
        qint64 batchBytes = 0;
        qint64 readTo = 0;
        qint64 fileBytes = 0;
        const qint64 batchLimitBytes = qint64(shared->budgetKiB) * 1024 / kBatchParts;
        const auto submit = [&] {
            // The batch's share of the budget, never more than all of it (one huge item still goes through).
            const int kib = int(qMin<qint64>((batchBytes + 1023) / 1024, shared->budgetKiB));
            shared->free.acquire();
            // Waits for the writer, or for stop(), which does not add to a budget other files share.
            while (!shared->budget->tryAcquire(kib, 20)) {
                if (shared->abort) {
                    return;
                }
            }
            if (shared->abort) {
                shared->budget->release(kib);
                return;
            }
            int seq = 0;
            std::shared_ptr<const ImportTarget> target;
            {
                QMutexLocker lock(&shared->mutex);
                seq = shared->submitted++;
                shared->maxInFlight = qMax(shared->maxInFlight, ++shared->inFlight);
                shared->kibInFlight += kib;
                shared->maxKiBInFlight = qMax(shared->maxKiBInFlight, shared->budgetKiB - shared->budget->available());
                target = shared->target;
                shared->fileBytes = fileBytes;
            }
            pool.start([shared, seq, target, readTo, kib, items = std::move(batch)]() mutable {
                yieldToTheWriter(shared->writerNice);
                PreparedBatch prepared{{}, readTo, kib};
                if (!shared->abort) {
                    prepared.items.reserve(static_cast<size_t>(items.size()));
                    for (FeedItem& item : items) {
                        prepared.items.push_back(Importer::prepare(std::move(item), *target));
                    }
                }
                QMutexLocker lock(&shared->mutex);
                shared->ready.emplace(seq, std::move(prepared));
                shared->changed.wakeAll();
            });
            batch = {};
            batch.reserve(batchItems);
            batchBytes = 0;
        };
        batch.reserve(batchItems);
        const ItemSink sink = [&](const ParsedFeed& head, FeedItem&& item) {
            if (shared->abort) {
                return false;
            }
            if (!shared->target) {
                shared->target = std::make_shared<const ImportTarget>(Importer::target(head, path));
            }
            batchBytes += itemBytes(item);
            batch.append(std::move(item));
            if (batch.size() >= batchItems || batchBytes >= batchLimitBytes) {
                submit();
            }
            return !shared->abort.load();
        };
        const DocumentParser::ReadProgress progress = [&](qint64 read, qint64 total) {
            readTo = read;
            fileBytes = total;
        };
        Result<ParsedFeed> parsed = DocumentParser::streamFile(path, sink, {}, {}, progress);
        if (parsed && !batch.isEmpty() && !shared->abort) {
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
    }

    QString m_path;
    QThreadPool& m_pool;
    int m_maxBatches;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_reader;
    int m_next = 0;
    bool m_stopped = false;
};

Result<ImportReport> ImportPipeline::write(QSqlDatabase db, FileRead& read, QThreadPool& pool,
                                           const std::function<void()>& readerDone, const Progress& progress,
                                           PipelineStats* stats, int indexChunkItems)
{
    bool announced = !readerDone;
    const auto announce = [&] {
        if (!announced) {
            announced = true;
            readerDone();
        }
    };
    const QString& path = read.path();
    QElapsedTimer wall;
    wall.start();
    qint64 writerNs = 0;
    ImportWriter writer(db);
    if (indexChunkItems > 0) {
        writer.setIndexChunkItems(indexChunkItems);
    }
    std::vector<PreparedItem> items;
    qint64 readTo = 0;
    int kib = 0;
    while (read.next(items, readTo, kib)) {
        const qint64 busyFrom = threadCpuNs();
        if (!writer.begun()) {
            if (auto b = writer.begin(read.target().source); !b) {
                read.stop();
                Error e = b.error();
                e.file = path;
                return e;
            }
        }
        for (const PreparedItem& item : items) {
            if (auto r = writer.store(item); !r) {
                read.stop();
                Error e = r.error();
                e.file = path;
                e.line = item.item.line;
                return e;
            }
        }
        // Freeing a batch is a few percent of the writer's time: a pool thread does it.
        pool.start([done = std::move(items)]() mutable { done = {}; });
        items = {};
        writerNs += threadCpuNs() - busyFrom;
        read.release(kib);
        if (!announced && read.readerDone()) {
            announce();
        }
        if (progress) {
            const qint64 total = read.fileBytes();
            progress(qMin(readTo, total), total);
        }
    }
    announce();
    if (read.readerError()) {
        read.stop();
        return *read.readerError(); // the writer rolls back what it stored
    }
    read.waitForReader();
    const ImportTarget final = Importer::target(read.head(), path);
    const qint64 commitFrom = threadCpuNs();
    const qint64 commitWallFrom = wall.nsecsElapsed();
    auto report = writer.commit(final.source);
    writerNs += threadCpuNs() - commitFrom;
    const qint64 commitWallNs = wall.nsecsElapsed() - commitWallFrom;
    if (!report) {
        Error e = report.error();
        e.file = path;
        return e;
    }
    report->file = path;
    report->format = read.head().format;
    qCInfo(lcImport, "%s: %d items in %.3f s, writer CPU %.3f s, commit %.3f s, %d batches, at most %d in flight (the run's budget at most %d KiB in use), %d stories looked up, %d chunks recounted",
           qPrintable(path), report->items, double(wall.nsecsElapsed()) / 1e9, double(writerNs) / 1e9,
           double(commitWallNs) / 1e9, read.batches(), read.maxInFlight(), read.maxKiBInFlight(),
           writer.storiesLookedUp(), writer.chunksRecounted());
    if (stats) {
        stats->writerSeconds += double(writerNs) / 1e9;
        stats->batches += read.batches();
        stats->maxInFlight = qMax(stats->maxInFlight, read.maxInFlight());
        stats->maxKiBInFlight = qMax(stats->maxKiBInFlight, read.maxKiBInFlight());
        stats->storiesLookedUp += writer.storiesLookedUp();
        stats->chunksRecounted += writer.chunksRecounted();
    }
    return report;
}

QList<Result<ImportReport>> ImportPipeline::importFiles(QSqlDatabase db, const QStringList& paths,
                                                        const PipelineOptions& options, const FileDone& done,
                                                        PipelineStats* stats)
{
    const int threads = options.threads > 0 ? options.threads : qMax(1, QThread::idealThreadCount());
    const int maxBatches = options.maxBatches > 0 ? options.maxBatches : 8 * threads + 8;
    const int maxKiB = options.maxInFlightKiB > 0 ? options.maxInFlightKiB : kInFlightKiB;
    const int batchItems = qMax(1, options.batchItems);
    if (stats) {
        *stats = PipelineStats{};
        stats->maxBatches = maxBatches;
        stats->maxInFlightKiB = maxKiB;
    }
    const auto budget = std::make_shared<QSemaphore>(maxKiB);
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    QList<Result<ImportReport>> reports;
    reports.reserve(paths.size());
    // Declared after the pool, so that they stop (and their tasks see the abort) before the pool
    // waits for its tasks.
    std::unique_ptr<FileRead> current;
    std::unique_ptr<FileRead> ahead;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        current = ahead ? std::move(ahead) : std::make_unique<FileRead>(paths.at(i), pool, batchItems, maxBatches, budget, maxKiB);
        // The next file's reader starts once this one has read its file (one reader at a time, so
        // memory stays bounded); its batches wait for the writer while it finishes this file.
        std::function<void()> startNext;
        if (i + 1 < paths.size()) {
            startNext = [&, i] { ahead = std::make_unique<FileRead>(paths.at(i + 1), pool, batchItems, maxBatches, budget, maxKiB); };
        }
        const Progress fileProgress = options.progress
            ? Progress([&options, i](qint64 stored, qint64 total) { options.progress(static_cast<int>(i), stored, total); })
            : Progress();
        reports.append(write(db, *current, pool, startNext, fileProgress, stats, options.indexChunkItems));
        current.reset();
        if (done) {
            done(static_cast<int>(i), reports.constLast());
        }
    }
    ahead.reset();
    pool.waitForDone();
    if (stats) {
        stats->kibNotGivenBack = maxKiB - budget->available();
    }
    return reports;
}

Result<ImportReport> ImportPipeline::importFile(QSqlDatabase db, const QString& path, const PipelineOptions& options,
                                                PipelineStats* stats)
{
    return importFiles(db, {path}, options, {}, stats).constFirst();
}

} // namespace folio
