// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QLabel;
class QStatusBar;
class QWidget;

namespace folio {

class Library;
class TeamSync;

/// The team library in the window: background sync (TeamSync, off the GUI thread), its state in
/// the status bar, and the Team section of Preferences. The window hands it the status bar and
/// places the section it returns.
class TeamController : public QObject
{
    Q_OBJECT

public:
    TeamController(Library* library, QStatusBar* statusBar, QObject* parent);
    ~TeamController() override;

    TeamSync* sync() const { return m_sync; }
    /// A new Team section for the Preferences dialog (owned by parent).
    QWidget* createPreferencesSection(QWidget* parent);

private:
    void showState();

    QPointer<Library> m_library;
    TeamSync* m_sync = nullptr; // child
    QLabel* m_label = nullptr;  // in the status bar
};

} // namespace folio
