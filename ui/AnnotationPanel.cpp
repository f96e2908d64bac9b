// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationPanel.h"

#include "html/AnchorText.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kAuthorRole = Qt::UserRole + 2;
constexpr int kQuoteChars = 160;

QIcon swatch(const QString& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(html::highlightColor(color));
    QPainter painter(&pixmap);
    painter.setPen(QColor(0x88, 0x88, 0x88));
    painter.drawRect(0, 0, 11, 11);
    return QIcon(pixmap);
}

QString colorLabel(const QString& name)
{
    if (name == "green"_L1) {
        return AnnotationPanel::tr("Green");
    }
    if (name == "blue"_L1) {
        return AnnotationPanel::tr("Blue");
    }
    if (name == "pink"_L1) {
        return AnnotationPanel::tr("Pink");
    }
    if (name == "purple"_L1) {
        return AnnotationPanel::tr("Purple");
    }
    return AnnotationPanel::tr("Yellow");
}

} // namespace

AnnotationPanel::AnnotationPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"annotationPanel"_s);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"annotationListWidget"_s);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_color = new QComboBox(this);
    m_color->setObjectName(u"annotationColorComboBox"_s);
    m_color->setToolTip(tr("Colour of the selected highlight"));
    for (const QString& name : html::highlightColorNames()) {
        m_color->addItem(swatch(name), colorLabel(name), name);
    }
    m_note = new QPushButton(tr("Edit note…"), this);
    m_note->setObjectName(u"annotationNoteButton"_s);
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(u"annotationDeleteButton"_s);
    m_articleNote = new QPushButton(tr("Article note…"), this);
    m_articleNote->setObjectName(u"articleNoteButton"_s);
    m_empty = new QLabel(tr("Select text in the article and press H to highlight it."), this);
    m_empty->setObjectName(u"annotationHintLabel"_s);
    m_empty->setWordWrap(true);

    // Two short rows keep the panel narrow, leaving the width to the reader.
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_color, 0, 0);
    buttons->addWidget(m_note, 0, 1);
    buttons->addWidget(m_delete, 1, 0);
    buttons->addWidget(m_articleNote, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &AnnotationPanel::updateButtons);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_annotations.size()) {
            Q_EMIT annotationActivated(m_annotations.at(row));
        }
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_annotations.size()) {
            Q_EMIT annotationActivated(m_annotations.at(row));
        }
    });
    connect(m_color, &QComboBox::activated, this, [this](int index) {
        if (const auto a = currentAnnotation(); a && a->color != m_color->itemData(index).toString()) {
            Q_EMIT colorChosen(*a, m_color->itemData(index).toString());
        }
    });
    connect(m_note, &QPushButton::clicked, this, [this] {
        if (const auto a = currentAnnotation()) {
            Q_EMIT editNoteRequested(*a);
        }
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const auto a = currentAnnotation()) {
            Q_EMIT deleteRequested(*a);
        }
    });
    connect(m_articleNote, &QPushButton::clicked, this, &AnnotationPanel::articleNoteRequested);
    setAnnotations({});
}

void AnnotationPanel::setAnnotations(const QList<Annotation>& annotations)
{
    const auto current = currentAnnotation();
    m_annotations = annotations;
    m_list->clear();
    const QLocale locale;
    for (const Annotation& a : annotations) {
        QStringList lines;
        if (a.isArticleNote()) {
            lines.append(tr("Article note"));
        } else {
            QString quote = a.quote.simplified();
            if (quote.size() > kQuoteChars) {
                quote = quote.left(kQuoteChars) + u'…';
            }
            lines.append(u"\u201C"_s + quote + u"\u201D"_s);
            if (a.detached) {
                lines.append(tr("(detached: no longer in the text)"));
            }
        }
        if (!a.note.isEmpty()) {
            lines.append(a.note);
        }
        const QString when = locale.toString(QDateTime::fromSecsSinceEpoch(a.created).toLocalTime(), QLocale::ShortFormat);
        lines.append(a.author.isEmpty() ? when : tr("%1, %2").arg(a.author, when));
        if (!a.history.isEmpty()) {
            lines.append(tr("Edited (%n earlier version(s))", nullptr, int(a.history.size())));
        }
        auto* item = new QListWidgetItem(swatch(a.color), lines.join(u'\n'), m_list);
        item->setData(kIdRole, a.id);
        QString tip = a.isArticleNote() ? a.note : a.quote;
        for (const AnnotationVersion& v : a.history) {
            tip += u'\n' + tr("Earlier (%1): %2").arg(locale.toString(QDateTime::fromSecsSinceEpoch(v.updated).toLocalTime(),
                                                                        QLocale::ShortFormat), v.note);
        }
        item->setToolTip(tip);
        if (!a.author.isEmpty()) {
            // Each author keeps one colour in every library: a hue from the name.
            const int hue = int(qHash(a.author, 0x5eed) % 360);
            item->setData(Qt::BackgroundRole, QColor::fromHsv(hue, 40, 250));
            item->setData(Qt::ForegroundRole, QColor(Qt::black));
            item->setData(kAuthorRole, a.author);
        }
        if (a.detached) {
            QFont font = item->font();
            font.setItalic(true);
            item->setFont(font);
        }
    }
    m_empty->setVisible(annotations.isEmpty());
    if (current) {
        selectAnnotation(current->id);
    }
    updateButtons();
}

std::optional<Annotation> AnnotationPanel::currentAnnotation() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_annotations.size()) {
        return std::nullopt;
    }
    return m_annotations.at(row);
}

bool AnnotationPanel::selectAnnotation(qint64 id)
{
    for (int row = 0; row < m_annotations.size(); ++row) {
        if (m_annotations.at(row).id == id) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void AnnotationPanel::updateButtons()
{
    const auto a = currentAnnotation();
    m_color->setEnabled(a.has_value() && !a->isArticleNote());
    m_note->setEnabled(a.has_value());
    m_delete->setEnabled(a.has_value());
    if (a) {
        m_color->setCurrentIndex(qMax(0, m_color->findData(a->color)));
    }
}

} // namespace folio
