// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"
#include "domain/Result.h"

#include <QDeadlineTimer>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace folio {

/// One feed download the FeedFetcher is asked for.
struct FetchRequest
{
    qint64 feedId = 0;     ///< the caller's feed id (0 while subscribing); echoed in the result
    QUrl url;              ///< http or https
    QString etag;          ///< sent as If-None-Match when not empty
    QString lastModified;  ///< sent as If-Modified-Since when not empty (verbatim, as the server sent it)
    bool discover = false; ///< when the URL is a web page, follow its <link rel="alternate"> feed link
    /// The deadline of the whole batch this request belongs to (a refresh): a request still
    /// waiting for its turn then fails without being sent, a running one is aborted. Forever
    /// by default; the fetcher's own per-request deadline applies as well.
    QDeadlineTimer batchDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
};

/// What became of one FetchRequest.
struct FetchResult
{
    enum class Status { Ok, NotModified, Failed, Cancelled };

    qint64 feedId = 0;
    Status status = Status::Failed;
    QUrl requestedUrl; ///< the request's URL
    QUrl feedUrl;      ///< the URL to keep for the feed: the requested one, the discovered feed link, or
                       ///< the target of permanent redirects (301/308) at the start of the chain
    QUrl finalUrl;     ///< where the bytes finally came from, after every redirect
    int httpStatus = 0;
    QString etag; ///< validators of the response, verbatim; empty when the server sent none
    QString lastModified;
    qint64 bytes = 0; ///< body size after decompression
    ParsedFeed feed;  ///< the parsed document when status is Ok
    Error error;      ///< what went wrong when status is Failed (or Cancelled)
    /// A 429 or 503 answer's Retry-After as a UTC second (at most a week ahead): do not ask
    /// for this feed again before then.
    std::optional<qint64> retryAfter;

    bool ok() const { return status == Status::Ok || status == Status::NotModified; }
    /// True when feedUrl differs from the URL that was asked for (store the new one).
    bool urlChanged() const { return feedUrl.isValid() && feedUrl != requestedUrl; }
};

} // namespace folio

Q_DECLARE_METATYPE(folio::FetchResult)
