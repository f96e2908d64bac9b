// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationPanel.h"

#include "html/AnchorText.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kHtmlRole = Qt::UserRole + 2;

// Quotes in italics between quotation marks, notes upright after a pencil on a tinted band,
// the date small: a note never reads as a passage of the article.
class AnnotationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
        QTextDocument doc;
        prepare(doc, opt, index, text.width());
        painter->save();
        painter->translate(text.topLeft());
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = opt.palette;
        if (opt.state & QStyle::State_Selected) {
            context.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        }
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const int width = opt.widget ? opt.widget->width() - 40 : 240;
        QTextDocument doc;
        prepare(doc, opt, index, width);
        return {width, static_cast<int>(doc.size().height()) + 4};
    }

private:
    static void prepare(QTextDocument& doc, const QStyleOptionViewItem& opt, const QModelIndex& index, int width)
    {
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(2);
        doc.setHtml(index.data(kHtmlRole).toString());
        doc.setTextWidth(qMax(40, width));
    }
};
constexpr int kAuthorRole = Qt::UserRole + 3;
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
    m_list->setItemDelegate(new AnnotationDelegate(m_list));
    m_list->setWordWrap(true);
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
    const QString dim = palette().color(QPalette::PlaceholderText).name();
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlpha(40);
    for (const Annotation& a : annotations) {
        QStringList lines;
        QString html;
        if (a.isArticleNote()) {
            lines.append(tr("Article note"));
            html += u"<b>"_s + lines.last().toHtmlEscaped() + u"</b>"_s;
        } else {
            QString quote = a.quote.simplified();
            if (quote.size() > kQuoteChars) {
                quote = quote.left(kQuoteChars) + u'…';
            }
            lines.append(u"\u201C"_s + quote + u"\u201D"_s);
            html += u"<i>"_s + lines.last().toHtmlEscaped() + u"</i>"_s;
            if (a.detached) {
                lines.append(tr("(detached: no longer in the text)"));
                html += u"<br><span style=\"color:%1\">%2</span>"_s.arg(dim, lines.last().toHtmlEscaped());
            }
        }
        if (!a.note.isEmpty()) {
            lines.append(a.note);
            html += u"<table width=\"100%\" cellpadding=\"3\" style=\"margin-top:3px\"><tr><td bgcolor=\"%1\">"
                    u"\u270E %2</td></tr></table>"_s.arg(tint.name(QColor::HexArgb), a.note.toHtmlEscaped().replace(u'\n', u"<br>"_s));
        }
        const QString when = locale.toString(QDateTime::fromSecsSinceEpoch(a.created).toLocalTime(),
                                             locale.dateFormat(QLocale::ShortFormat) + u' '
                                                 + locale.timeFormat(QLocale::ShortFormat));
        lines.append(a.author.isEmpty() ? when : tr("%1, %2").arg(a.author, when));
        html += u"<div style=\"color:%1; font-size:small\">%2</div>"_s.arg(dim, lines.last().toHtmlEscaped());
        if (!a.history.isEmpty()) {
            lines.append(tr("Edited (%Ln earlier version(s))", nullptr, int(a.history.size())));
            html += u"<div style=\"color:%1; font-size:small\">%2</div>"_s.arg(dim, lines.last().toHtmlEscaped());
        }
        auto* item = new QListWidgetItem(swatch(a.color), lines.join(u'\n'), m_list);
        item->setData(kIdRole, a.id);
        item->setData(kHtmlRole, html);
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
