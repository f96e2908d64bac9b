// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LibraryWatcher.h"

#include "domain/WhenReady.h"
#include "storage/Library.h"

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kPollMs = 1000;

} // namespace

LibraryWatcher::LibraryWatcher(Library* library, QObject* parent)
    : QObject(parent)
    , m_library(library)
{
    setObjectName(u"libraryWatcher"_s);
    m_timer.setInterval(kPollMs);
    connect(&m_timer, &QTimer::timeout, this, &LibraryWatcher::poll);
    m_timer.start();
    poll(); // the baseline
}

void LibraryWatcher::poll()
{
    if (!m_library || m_polling) {
        return; // one question at a time: a busy writer answers late, not many times
    }
    m_polling = true;
    whenReady(this, m_library->externalDataVersion(), [this](const Result<qint64>& version) {
        m_polling = false;
        if (!version || !m_library) {
            return;
        }
        const bool changed = m_version >= 0 && version.value() != m_version;
        m_version = version.value();
        if (changed) {
            // Anything may have changed: content, state, feeds, saved searches.
            Q_EMIT m_library->contentChanged();
            Q_EMIT m_library->feedsChanged();
            Q_EMIT m_library->savedSearchesChanged();
            Q_EMIT externalChange();
        }
    });
}

} // namespace folio
