// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace folio {

class Library;

/// Notices changes that other processes (folio-cli, another Folio) commit to the library: it
/// polls SQLite's data_version off the GUI thread about once a second and, when it moved,
/// emits the library's change signals so the sidebar, list, timeline and status bar reload
/// (in place, keeping selection and scroll position).
class LibraryWatcher : public QObject
{
    Q_OBJECT

public:
    explicit LibraryWatcher(Library* library, QObject* parent = nullptr);

    void setInterval(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    /// Another process changed the library (after the library's own signals went out).
    void externalChange();

private:
    void poll();

    QPointer<Library> m_library;
    QTimer m_timer;
    qint64 m_version = -1;
    bool m_polling = false;
};

} // namespace folio
