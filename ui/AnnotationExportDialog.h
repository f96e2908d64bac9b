// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLineEdit;

namespace folio {

/// What to export, and where.
struct AnnotationExportRequest
{
    enum class Kind { Markdown, Csv, Json, W3c, Html, Pdf };
    Kind kind = Kind::Markdown;
    bool currentArticleOnly = false;
    QStringList tags;
    QString path;
};

/// File → Export annotations…: format, scope and file. Opened with open(); the export itself
/// runs in the AnnotationController (off the GUI thread) after accepted().
class AnnotationExportDialog : public QDialog
{
    Q_OBJECT

public:
    AnnotationExportDialog(bool hasCurrentArticle, QWidget* parent = nullptr);

    AnnotationExportRequest request() const;
    /// Sets the file path (tests; the Browse button does it otherwise).
    void setPath(const QString& path);

private:
    void browse();

    QComboBox* m_format = nullptr;
    QComboBox* m_scope = nullptr;
    QLineEdit* m_tags = nullptr;
    QLineEdit* m_path = nullptr;
};

} // namespace folio
