// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamController.h"

#include "TeamPreferencesSection.h"

#include "storage/Library.h"
#include "team/TeamSync.h"

#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace folio {

TeamController::TeamController(Library* library, QStatusBar* statusBar, QObject* parent)
    : QObject(parent)
    , m_library(library)
    , m_sync(new TeamSync(library->databasePath(), this))
{
    m_label = new QLabel(statusBar);
    m_label->setObjectName(u"teamStatusLabel"_s);
    m_label->setVisible(false);
    statusBar->addPermanentWidget(m_label);
    connect(m_sync, &TeamSync::stateChanged, this, &TeamController::showState);
    connect(m_sync, &TeamSync::synced, this, [this](const SyncReport& report) {
        // What others changed shows up like any other change to the library.
        if (report.pulled > 0 && m_library) {
            Q_EMIT m_library->contentChanged();
            Q_EMIT m_library->savedSearchesChanged();
        }
    });
    m_sync->start();
}

TeamController::~TeamController() = default;

void TeamController::showState()
{
    const TeamSync::State state = m_sync->state();
    m_label->setVisible(state != TeamSync::State::NotJoined);
    m_label->setText(TeamSync::stateText(state));
    m_label->setProperty("teamState", static_cast<int>(state));
    QString tip = m_sync->status().name.isEmpty() ? QString() : tr("Team \"%1\"").arg(m_sync->status().name);
    if (!m_sync->message().isEmpty()) {
        tip += (tip.isEmpty() ? QString() : u"\n"_s) + m_sync->message();
    }
    m_label->setToolTip(tip);
}

QWidget* TeamController::createPreferencesSection(QWidget* parent)
{
    return new TeamPreferencesSection(m_sync, parent);
}

} // namespace folio
