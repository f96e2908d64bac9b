// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddSubscriptionDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace folio {

AddSubscriptionDialog::AddSubscriptionDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"addSubscriptionDialog"_s);
    setWindowTitle(tr("Add subscription"));

    auto* intro = new QLabel(tr("The address of a feed (RSS, Atom, RDF or JSON Feed), or of a web page "
                                "that names one."),
                             this);
    intro->setWordWrap(true);

    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(u"urlLineEdit"_s);
    m_urlEdit->setPlaceholderText(tr("https://example.org/feed.xml"));
    m_urlEdit->setMinimumWidth(380);
    m_tagEdit = new QLineEdit(this);
    m_tagEdit->setObjectName(u"tagLineEdit"_s);
    m_tagEdit->setPlaceholderText(tr("Optional: a tag for every article of this feed"));

    m_suggestButton = new QPushButton(this);
    m_suggestButton->setObjectName(u"suggestTagPushButton"_s);
    m_suggestButton->setFlat(true);
    m_suggestButton->setVisible(false);
    connect(m_suggestButton, &QPushButton::clicked, this, [this] {
        m_tagEdit->setText(m_suggestButton->property("tag").toString());
        m_suggestButton->setVisible(false);
    });
    auto* tagRow = new QHBoxLayout;
    tagRow->setContentsMargins(0, 0, 0, 0);
    tagRow->addWidget(m_tagEdit, 1);
    tagRow->addWidget(m_suggestButton);

    auto* form = new QFormLayout;
    form->addRow(tr("&Address:"), m_urlEdit);
    form->addRow(tr("&Tag:"), tagRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(u"subscriptionButtonBox"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Subscribe"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_urlEdit, &QLineEdit::textChanged, this, &AddSubscriptionDialog::updateOkButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    updateOkButton();
}

QUrl AddSubscriptionDialog::url() const
{
    const QString text = m_urlEdit->text().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    // "example.org/feed" is meant as a web address, not a file name.
    return QUrl::fromUserInput(text.contains(u"://"_s) ? text : u"https://"_s + text);
}

QStringList AddSubscriptionDialog::tags() const
{
    const QString tag = m_tagEdit->text().simplified();
    return tag.isEmpty() ? QStringList() : QStringList{tag};
}

void AddSubscriptionDialog::setUrl(const QString& url)
{
    m_urlEdit->setText(url);
}

void AddSubscriptionDialog::setTag(const QString& tag)
{
    m_tagEdit->setText(tag);
}

void AddSubscriptionDialog::suggestTag(const QString& tag)
{
    m_suggestButton->setProperty("tag", tag);
    m_suggestButton->setText(tr("Use “%1”").arg(tag));
    m_suggestButton->setToolTip(tr("Give every article of this feed the tag selected in the sidebar"));
    m_suggestButton->setVisible(!tag.isEmpty());
}

void AddSubscriptionDialog::updateOkButton()
{
    const QUrl u = url();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(u.isValid() && !u.host().isEmpty());
}

} // namespace folio
