// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace folio {

/// Edits a note (and a highlight's colour). Opened with open(), never exec(): the answer comes
/// through accepted().
class NoteDialog : public QDialog
{
    Q_OBJECT

public:
    NoteDialog(const QString& quote, const QString& note, const QString& color, QWidget* parent = nullptr);

    QString note() const;
    QString color() const;

private:
    QPlainTextEdit* m_note = nullptr;
    QComboBox* m_color = nullptr;
};

} // namespace folio
