// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to app/feeds: promises that answer a Result<T> future, and the common errors.
#pragma once

#include "domain/Result.h"

#include <QFuture>
#include <QPromise>

#include <memory>

namespace folio::feeds {

template<typename T>
QFuture<Result<T>> readyFuture(Result<T> value)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

template<typename T>
void settle(const std::shared_ptr<QPromise<Result<T>>>& promise, Result<T> value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

template<typename T>
std::shared_ptr<QPromise<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

inline Error noNetwork()
{
    return makeError(Error::Code::Network, QStringLiteral("no network access: the feed service has no network manager"));
}

inline Error libraryClosed()
{
    return makeError(Error::Code::Generic, QStringLiteral("the library was closed"));
}

} // namespace folio::feeds
