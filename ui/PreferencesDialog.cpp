// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PreferencesDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

const QString kRefreshIntervalKey = u"feeds/refreshIntervalMinutes"_s;

} // namespace

Preferences Preferences::load(const QSettings& settings)
{
    Preferences p;
    bool ok = false;
    const int minutes = settings.value(kRefreshIntervalKey, kDefaultRefreshIntervalMinutes).toInt(&ok);
    p.refreshIntervalMinutes = ok ? qBound(0, minutes, kMaxRefreshIntervalMinutes) : kDefaultRefreshIntervalMinutes;
    return p;
}

void Preferences::save(QSettings& settings) const
{
    settings.setValue(kRefreshIntervalKey, refreshIntervalMinutes);
    settings.sync();
}

PreferencesDialog::PreferencesDialog(QSettings* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    auto* feeds = new QGroupBox(tr("Feeds"), this);
    m_form = new QFormLayout(feeds);
    m_refreshInterval = new QSpinBox(feeds);
    m_refreshInterval->setObjectName(u"refreshIntervalSpinBox"_s);
    m_refreshInterval->setRange(0, Preferences::kMaxRefreshIntervalMinutes);
    m_refreshInterval->setSingleStep(15);
    m_refreshInterval->setSuffix(tr(" min"));
    m_refreshInterval->setSpecialValueText(tr("Off"));
    m_refreshInterval->setToolTip(tr("Refresh all feeds this often while Folio runs (0 turns it off)."));
    m_form->addRow(tr("&Refresh feeds every:"), m_refreshInterval);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"preferencesButtonBox"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(feeds);
    layout->addStretch(1);
    layout->addWidget(buttons);

    if (m_settings) {
        setPreferences(Preferences::load(*m_settings));
    }
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.refreshIntervalMinutes = m_refreshInterval->value();
    return p;
}

void PreferencesDialog::setPreferences(const Preferences& preferences)
{
    m_refreshInterval->setValue(preferences.refreshIntervalMinutes);
}

void PreferencesDialog::accept()
{
    if (m_settings) {
        preferences().save(*m_settings);
    }
    QDialog::accept();
}

} // namespace folio
