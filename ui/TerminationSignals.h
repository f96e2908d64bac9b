// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace folio {

/// Turns SIGTERM, SIGINT and SIGHUP (a logout without session management, as under Wayland, a
/// service manager, Ctrl+C in a terminal) into an orderly quit: the signal handler only writes
/// a byte to a socket pair, and the event loop then emits requested(), so the window closes and
/// saves its layout and the library finishes its work, as on File → Quit. Unix only; elsewhere
/// it does nothing.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

Q_SIGNALS:
    void requested();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace folio
