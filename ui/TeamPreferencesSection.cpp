// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeamPreferencesSection.h"

#include "team/TeamCredentials.h"
#include "team/TeamSync.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace folio {

TeamPreferencesSection::TeamPreferencesSection(TeamSync* sync, QWidget* parent)
    : QGroupBox(tr("Team"), parent)
    , m_sync(sync)
{
    setObjectName(u"teamPreferencesSection"_s);
    auto* form = new QFormLayout(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"teamUrlLineEdit"_s);
    m_url->setPlaceholderText(u"postgresql://name@server/team?sslmode=verify-full"_s);
    m_url->setToolTip(tr("The team's PostgreSQL server, as your administrator gave it."));
    form->addRow(tr("Ser&ver:"), m_url);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"teamNameLineEdit"_s);
    form->addRow(tr("Team &name:"), m_name);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"teamPasswordLineEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("Leave empty to use ~/.pgpass or the password kept in the system keychain."));
    form->addRow(tr("&Password:"), m_password);
    m_remember = new QCheckBox(tr("Keep the password in the system keychain"), this);
    m_remember->setObjectName(u"teamRememberCheckBox"_s);
    m_remember->setEnabled(TeamCredentials::available());
    form->addRow(QString(), m_remember);

    auto* buttons = new QHBoxLayout;
    m_join = new QPushButton(tr("&Join"), this);
    m_join->setObjectName(u"teamJoinButton"_s);
    m_leave = new QPushButton(tr("&Leave"), this);
    m_leave->setObjectName(u"teamLeaveButton"_s);
    m_syncNow = new QPushButton(tr("Sync &now"), this);
    m_syncNow->setObjectName(u"teamSyncButton"_s);
    buttons->addWidget(m_join);
    buttons->addWidget(m_leave);
    buttons->addWidget(m_syncNow);
    buttons->addStretch(1);
    form->addRow(QString(), buttons);
    m_state = new QLabel(this);
    m_state->setObjectName(u"teamStateLabel"_s);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_state);

    connect(m_join, &QPushButton::clicked, this, [this] {
        if (m_sync) {
            m_sync->join(m_url->text().trimmed(), m_name->text().trimmed(), m_password->text(), m_remember->isChecked());
            m_password->clear();
        }
    });
    connect(m_leave, &QPushButton::clicked, this, [this] {
        if (m_sync) {
            m_sync->leave();
        }
    });
    connect(m_syncNow, &QPushButton::clicked, this, [this] {
        if (m_sync) {
            m_sync->syncNow();
        }
    });
    connect(sync, &TeamSync::statusChanged, this, &TeamPreferencesSection::showStatus);
    connect(sync, &TeamSync::stateChanged, this, &TeamPreferencesSection::showState);
    connect(sync, &TeamSync::membershipChanged, this, [this](bool ok, const QString& message) {
        if (!ok) {
            m_state->setText(tr("Could not join: %1").arg(message));
        }
    });
    showStatus(sync->status());
}

void TeamPreferencesSection::showStatus(const TeamStatus& status)
{
    if (status.joined) {
        m_url->setText(status.url);
        m_name->setText(status.name);
    }
    m_url->setReadOnly(status.joined);
    m_name->setReadOnly(status.joined);
    m_password->setEnabled(!status.joined);
    m_join->setEnabled(!status.joined);
    m_leave->setEnabled(status.joined);
    m_syncNow->setEnabled(status.joined);
    showState();
}

void TeamPreferencesSection::showState()
{
    if (!m_sync) {
        return;
    }
    const TeamStatus& status = m_sync->status();
    if (!status.joined) {
        m_state->setText(m_sync->state() == TeamSync::State::Syncing ? tr("Joining…")
                                                                      : tr("This library is not in a team."));
        return;
    }
    const QString last = status.lastSync
        ? QLocale().toString(status.lastSync->toLocalTime(), QLocale::ShortFormat)
        : tr("never");
    QString text = tr("Team \"%1\" as %2. Last sync: %3. Waiting to be sent: %4.")
                       .arg(status.name, status.user, last)
                       .arg(status.pending);
    text += u'\n' + TeamSync::stateText(m_sync->state());
    if (!m_sync->message().isEmpty()) {
        text += u" — "_s + m_sync->message();
    }
    m_state->setText(text);
}

} // namespace folio
