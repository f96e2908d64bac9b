// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

QString suffixOf(AnnotationExportRequest::Kind kind)
{
    switch (kind) {
    case AnnotationExportRequest::Kind::Markdown:
        return u"md"_s;
    case AnnotationExportRequest::Kind::Csv:
        return u"csv"_s;
    case AnnotationExportRequest::Kind::Json:
        return u"json"_s;
    case AnnotationExportRequest::Kind::W3c:
        return u"jsonld"_s;
    case AnnotationExportRequest::Kind::Html:
        return u"html"_s;
    case AnnotationExportRequest::Kind::Pdf:
        return u"pdf"_s;
    }
    return u"txt"_s;
}

} // namespace

AnnotationExportDialog::AnnotationExportDialog(bool hasCurrentArticle, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"annotationExportDialog"_s);
    setWindowTitle(tr("Export annotations"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_format = new QComboBox(this);
    m_format->setObjectName(u"exportFormatComboBox"_s);
    m_format->addItem(tr("Markdown (annotations and bookmarks)"), static_cast<int>(AnnotationExportRequest::Kind::Markdown));
    m_format->addItem(tr("CSV (one row per annotation)"), static_cast<int>(AnnotationExportRequest::Kind::Csv));
    m_format->addItem(tr("JSON"), static_cast<int>(AnnotationExportRequest::Kind::Json));
    m_format->addItem(tr("W3C Web Annotation (JSON-LD)"), static_cast<int>(AnnotationExportRequest::Kind::W3c));
    m_format->addItem(tr("HTML (articles with highlights)"), static_cast<int>(AnnotationExportRequest::Kind::Html));
    m_format->addItem(tr("PDF (articles with highlights)"), static_cast<int>(AnnotationExportRequest::Kind::Pdf));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(u"exportScopeComboBox"_s);
    m_scope->addItem(tr("All annotated and bookmarked articles"), false);
    if (hasCurrentArticle) {
        m_scope->addItem(tr("The article in the reader"), true);
    }
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"exportTagsLineEdit"_s);
    m_tags->setPlaceholderText(tr("Only articles with these tags (comma-separated)"));
    m_path = new QLineEdit(QDir::home().filePath(u"folio-annotations.md"_s), this);
    m_path->setObjectName(u"exportPathLineEdit"_s);
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(u"exportBrowseButton"_s);
    connect(browse, &QPushButton::clicked, this, &AnnotationExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        QString path = m_path->text();
        const int dot = path.lastIndexOf(u'.');
        if (dot > path.lastIndexOf(u'/')) {
            path.truncate(dot);
        }
        m_path->setText(path + u'.' + suffixOf(request().kind));
    });
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Articles:"), m_scope);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("F&ile:"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"exportButtonBox"_s);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

AnnotationExportRequest AnnotationExportDialog::request() const
{
    AnnotationExportRequest r;
    r.kind = static_cast<AnnotationExportRequest::Kind>(m_format->currentData().toInt());
    r.currentArticleOnly = m_scope->currentData().toBool();
    for (const QString& tag : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty()) {
            r.tags.append(tag.trimmed());
        }
    }
    r.path = m_path->text().trimmed();
    return r;
}

void AnnotationExportDialog::setPath(const QString& path)
{
    m_path->setText(path);
}

void AnnotationExportDialog::browse()
{
    auto* files = new QFileDialog(this, tr("Export annotations"), m_path->text());
    files->setAcceptMode(QFileDialog::AcceptSave);
    files->setAttribute(Qt::WA_DeleteOnClose);
    connect(files, &QFileDialog::fileSelected, this, [this](const QString& path) { m_path->setText(path); });
    files->open();
}

} // namespace folio
