// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace folio {

class TeamSync;
struct TeamStatus;

/// Preferences → Team: the server URL and team name, join / leave, sync now, and the state.
/// Every action goes to TeamSync (a worker thread); the section only shows what comes back.
class TeamPreferencesSection : public QGroupBox
{
    Q_OBJECT

public:
    TeamPreferencesSection(TeamSync* sync, QWidget* parent);

private:
    void showStatus(const TeamStatus& status);
    void showState();

    QPointer<TeamSync> m_sync;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QPushButton* m_join = nullptr;
    QPushButton* m_leave = nullptr;
    QPushButton* m_syncNow = nullptr;
    QLabel* m_state = nullptr;
};

} // namespace folio
