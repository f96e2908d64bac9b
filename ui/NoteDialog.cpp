// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoteDialog.h"

#include "html/AnchorText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace folio {

NoteDialog::NoteDialog(const QString& quote, const QString& note, const QString& color, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"noteDialog"_s);
    setWindowTitle(quote.isEmpty() ? tr("Article note") : tr("Note on highlight"));
    auto* layout = new QVBoxLayout(this);
    if (!quote.isEmpty()) {
        auto* label = new QLabel(u"\u201C"_s + quote.left(300).toHtmlEscaped() + u"\u201D"_s, this);
        label->setObjectName(u"noteQuoteLabel"_s);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    m_note = new QPlainTextEdit(note, this);
    m_note->setObjectName(u"notePlainTextEdit"_s);
    layout->addWidget(m_note, 1);
    m_color = new QComboBox(this);
    m_color->setObjectName(u"noteColorComboBox"_s);
    const QStringList names = html::highlightColorNames();
    const QStringList labels = {tr("Yellow"), tr("Green"), tr("Blue"), tr("Pink"), tr("Purple")};
    for (int i = 0; i < names.size(); ++i) {
        m_color->addItem(labels.value(i), names.at(i));
    }
    m_color->setCurrentIndex(qMax(0, m_color->findData(color)));
    m_color->setVisible(!quote.isEmpty());
    layout->addWidget(m_color);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"noteButtonBox"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Ctrl+Enter saves from inside the text (Enter is a new line there).
    for (const QKeySequence& key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* save = new QShortcut(key, this);
        connect(save, &QShortcut::activated, this, &QDialog::accept);
    }
    m_note->setPlaceholderText(tr("Your note (Ctrl+Enter saves)"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(420, 260);
}

QString NoteDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

QString NoteDialog::color() const
{
    return m_color->currentData().toString();
}

} // namespace folio
