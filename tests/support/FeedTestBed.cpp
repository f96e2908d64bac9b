// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FeedTestBed.h"

#include "feeds/FeedService.h"
#include "storage/Database.h"
#include "storage/Library.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace folio::test {

FeedTestBed::FeedTestBed() = default;

FeedTestBed::~FeedTestBed()
{
    close();
}

QString FeedTestBed::open()
{
    server = std::make_unique<TestHttpServer>();
    if (!server->listen()) {
        return u"the test server found no port"_s;
    }
    network = std::make_unique<QNetworkAccessManager>();
    dir = std::make_unique<QTemporaryDir>();
    if (!dir->isValid()) {
        return u"no temporary folder"_s;
    }
    auto opened = Library::open(dir->path());
    if (!opened) {
        return opened.error().toString();
    }
    library = std::move(opened).value();
    feeds = std::make_unique<FeedService>(library.get(), network.get());
    return {};
}

void FeedTestBed::close()
{
    feeds.reset();
    library.reset();
    if (dir) {
        Database::closeConnection(QDir(dir->path()).filePath(Database::fileName()));
    }
    network.reset();
    server.reset();
    dir.reset();
}

} // namespace folio::test
