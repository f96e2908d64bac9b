// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace folio {

/// Calls fn with the future's result on receiver's thread, always from the event loop (never
/// inside the call that started the work), unless receiver is gone by then or the future ends
/// without a result. Unlike QFuture::then(context, …) in Qt 6.4, this is safe when the receiver
/// dies first: the watcher dies with its parent.
template<typename T, typename Fn>
void whenReady(QObject* receiver, const QFuture<T>& future, Fn fn)
{
    auto* watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, fn = std::move(fn)]() mutable {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0) {
            fn(watcher->future().result());
        }
    });
    watcher->setFuture(future);
}

} // namespace folio
