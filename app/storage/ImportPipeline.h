// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

class QThreadPool;

namespace folio {

/// Sizes of the import pipeline. The defaults suit every machine; tests make them small.
struct PipelineOptions
{
    int batchItems = 256; ///< items per batch handed from the reader to the prepare threads
    int maxBatches = 0;   ///< batches in flight between reader and writer (back-pressure); 0: 8 × threads + 8
    int threads = 0;      ///< prepare threads; 0: QThread::idealThreadCount()
    int indexChunkItems = 0; ///< rows indexed for search per statement while a file is stored; 0: ImportWriter's
    /// Called on the writer's thread after each stored batch: the file's index in the list, how
    /// many of its bytes are stored (up to where its last stored item was read) and its size.
    std::function<void(int file, qint64 bytesStored, qint64 bytesTotal)> progress;
    /// KiB of item text in flight between reader and writer (back-pressure, with maxBatches); a
    /// batch is cut at a sixteenth of it. 0: ImportPipeline's default (12 MiB).
    int maxInFlightKiB = 0;
};

/// What a pipeline run saw, for tests and benchmarks.
struct PipelineStats
{
    int batches = 0;     ///< batches stored
    int maxInFlight = 0; ///< most batches of one file alive at once (never above PipelineOptions::maxBatches)
    int maxBatches = 0;  ///< the bound that applied
    int maxKiBInFlight = 0; ///< most KiB of the run's budget in use at once, by all its files (never above maxInFlightKiB)
    int maxInFlightKiB = 0; ///< the bound that applied
    int kibNotGivenBack = 0; ///< of the bound, what was still taken after the last file (0: nothing leaked)
    double writerSeconds = 0; ///< CPU time the writer spent storing (not waiting)
    int storiesLookedUp = 0; ///< items whose story was looked up in the library (ImportWriter::storiesLookedUp())
    int chunksRecounted = 0; ///< chunks counted from their rows (ImportWriter::chunksRecounted())
};

/// The file import pipeline (storage/README.md):
///
///   reader thread ──raw batches──▶ prepare pool (all cores) ──prepared batches, in order──▶ writer
///
/// The reader streams and parses the file (DocumentParser::streamFile); the prepare threads run
/// Importer::prepare (sanitise, text, identity: no SQL); the calling thread is the writer and
/// only stores (ImportWriter), batch after batch in file order, in one transaction. At most
/// maxBatches batches of a file, and maxInFlightKiB of item text over all files, exist at once,
/// so memory stays flat whatever the file's size: a reader ahead of the writer waits. A parse error anywhere in the file, or a failing write, rolls the
/// whole file back and is returned naming the file (and line).
///
/// Several files are stored one after the other, each in its own transaction, but the next
/// file's reader starts as soon as the one before has been read, while the writer still stores
/// and commits it: the writer does not wait for a file to be parsed, and the commit's disk work
/// overlaps the next parse.
class ImportPipeline
{
public:
    /// Called on the writer's thread after each file: its index in paths and its result.
    using FileDone = std::function<void(int index, const Result<ImportReport>& report)>;

    /// Imports one file on db, which belongs to the calling thread.
    static Result<ImportReport> importFile(QSqlDatabase db, const QString& path, const PipelineOptions& options = {},
                                           PipelineStats* stats = nullptr);
    /// Imports files in order, each all or nothing: a file that fails leaves nothing and the
    /// others go on. One result per path, in order; stats add up over the files.
    static QList<Result<ImportReport>> importFiles(QSqlDatabase db, const QStringList& paths,
                                                   const PipelineOptions& options = {}, const FileDone& done = {},
                                                   PipelineStats* stats = nullptr);

private:
    class FileRead;
    using Progress = std::function<void(qint64 bytesStored, qint64 bytesTotal)>;
    static Result<ImportReport> write(QSqlDatabase db, FileRead& read, QThreadPool& pool,
                                      const std::function<void()>& readerDone, const Progress& progress,
                                      PipelineStats* stats, int indexChunkItems);
};

} // namespace folio
