// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestHttpServer.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;
class QTemporaryDir;

namespace folio {
class FeedService;
class Library;
} // namespace folio

namespace folio::test {

/// What a feed test works against: a local HTTP server, a network manager, a library in a
/// temporary profile and the feed service over them. open() in init(), close() in cleanup().
struct FeedTestBed
{
    FeedTestBed();
    ~FeedTestBed();

    std::unique_ptr<TestHttpServer> server;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Library> library;
    std::unique_ptr<FeedService> feeds;

    /// Empty when everything is up, else what failed.
    QString open();
    void close();
};

} // namespace folio::test
