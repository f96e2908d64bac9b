// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace folio {

/// Sizes of the import pipeline. The defaults suit every machine; tests make them small.
struct PipelineOptions
{
    int batchItems = 256; ///< items per batch handed from the reader to the prepare threads
    int maxBatches = 0;   ///< batches in flight between reader and writer (back-pressure); 0: 2 × threads + 2
    int threads = 0;      ///< prepare threads; 0: QThread::idealThreadCount()
};

/// What a pipeline run saw, for tests and benchmarks.
struct PipelineStats
{
    int batches = 0;     ///< batches stored
    int maxInFlight = 0; ///< most batches alive at once (never above PipelineOptions::maxBatches)
    int maxBatches = 0;  ///< the bound that applied
    double writerSeconds = 0; ///< CPU time the writer spent storing (not waiting)
};

/// The file import pipeline (storage/README.md):
///
///   reader thread ──raw batches──▶ prepare pool (all cores) ──prepared batches, in order──▶ writer
///
/// The reader streams and parses the file (DocumentParser::streamFile); the prepare threads run
/// Importer::prepare (sanitise, text, identity: no SQL); the calling thread is the writer and
/// only stores (ImportWriter), batch after batch in file order, in one transaction. At most
/// maxBatches batches exist at once, so memory stays flat whatever the file's size: a reader
/// ahead of the writer waits. A parse error anywhere in the file, or a failing write, rolls the
/// whole file back and is returned naming the file (and line).
class ImportPipeline
{
public:
    /// Imports one file on db, which belongs to the calling thread.
    static Result<ImportReport> importFile(QSqlDatabase db, const QString& path, const PipelineOptions& options = {},
                                           PipelineStats* stats = nullptr);
};

} // namespace folio
