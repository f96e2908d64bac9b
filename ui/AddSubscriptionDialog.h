// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace folio {

/// Asks for a feed (or web page) address and an optional tag. It only collects input: the
/// window subscribes when the dialog is accepted.
class AddSubscriptionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddSubscriptionDialog(QWidget* parent = nullptr);

    /// The address as typed, with "https://" added when no scheme was given.
    QUrl url() const;
    /// The tags to give every article of the feed (empty or one).
    QStringList tags() const;

    void setUrl(const QString& url);
    void setTag(const QString& tag);
    /// Offers tag with a button that fills it in; the field itself stays empty.
    void suggestTag(const QString& tag);

private:
    void updateOkButton();

    QLineEdit* m_urlEdit = nullptr;
    QPushButton* m_suggestButton = nullptr;
    QLineEdit* m_tagEdit = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace folio
