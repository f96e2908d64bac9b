// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The article list's cell painter: one line of text, elided to the cell, where and in the colour
// the style's own item painter puts it.
#include "ArticleListDelegate.h"

#include <QApplication>
#include <QCommonStyle>
#include <QImage>
#include <QPainter>
#include <QScopeGuard>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

constexpr int kWidth = 240;
constexpr int kHeight = 24;

/// The bounding box of the pixels that differ from the background, or an empty rectangle.
QRect inkBox(const QImage& image, QRgb background)
{
    QRect box;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != background) {
                box |= QRect(x, y, 1, 1);
            }
        }
    }
    return box;
}

} // namespace

class TestArticleListDelegate : public QObject
{
    Q_OBJECT

private:
    QStyledItemDelegate m_styled;
    ArticleListDelegate m_ours;
    QStandardItemModel m_model{1, 1};
    QTreeView m_view;

    QStyleOptionViewItem option(const QModelIndex& index, QStyle::State extra = {}) const
    {
        QStyleOptionViewItem opt;
        opt.initFrom(&m_view);
        opt.widget = &m_view;
        opt.rect = QRect(0, 0, kWidth, kHeight);
        opt.state |= QStyle::State_Enabled | QStyle::State_Active | extra;
        opt.showDecorationSelected = true;
        // What the view's own options say for every item.
        opt.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
        opt.textElideMode = m_view.textElideMode();
        Q_UNUSED(index);
        return opt;
    }

    QImage render(const QStyledItemDelegate& delegate, const QString& text, QStyle::State extra = {},
                   Qt::LayoutDirection direction = Qt::LeftToRight, Qt::Alignment align = {})
    {
        m_model.setData(m_model.index(0, 0), text, Qt::DisplayRole);
        m_model.setData(m_model.index(0, 0), align ? QVariant(align) : QVariant(), Qt::TextAlignmentRole);
        QStyleOptionViewItem opt = option(m_model.index(0, 0), extra);
        opt.direction = direction;
        QImage image(kWidth, kHeight, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        delegate.paint(&painter, opt, m_model.index(0, 0));
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // One style for both painters, whatever the platform's default.
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        m_view.setModel(&m_model);
    }

    void drawsTheTextWhereTheStyleDoes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("align");
        QTest::newRow("short") << u"Bisjkek: minister"_s << int(Qt::LeftToRight) << 0;
        QTest::newRow("elided") << u"Ürümqi: na export leiding president van de regering in Kazachstan en Kirgizië"_s
                                << int(Qt::LeftToRight) << 0;
        QTest::newRow("centred") << u"\u2605"_s << int(Qt::LeftToRight) << int(Qt::AlignCenter);
        QTest::newRow("right-to-left") << u"Bisjkek"_s << int(Qt::RightToLeft) << 0;
        QTest::newRow("top") << u"Bisjkek"_s << int(Qt::LeftToRight) << int(Qt::AlignLeft);
        QTest::newRow("bottom") << u"Bisjkek"_s << int(Qt::LeftToRight) << int(Qt::AlignLeft | Qt::AlignBottom);
        QTest::newRow("right-aligned") << u"30 Dec 2025"_s << int(Qt::LeftToRight) << int(Qt::AlignRight | Qt::AlignVCenter);
    }

    void drawsTheTextWhereTheStyleDoes()
    {
        QFETCH(QString, text);
        QFETCH(int, direction);
        QFETCH(int, align);
        const auto dir = static_cast<Qt::LayoutDirection>(direction);
        const QRect styled = inkBox(render(m_styled, text, {}, dir, Qt::Alignment(align)), qRgb(255, 255, 255));
        const QRect ours = inkBox(render(m_ours, text, {}, dir, Qt::Alignment(align)), qRgb(255, 255, 255));
        QVERIFY(!styled.isEmpty());
        QVERIFY(!ours.isEmpty());
        // The same place to a pixel or two (rounding of the baseline and of a centred start).
        const auto near = [](int a, int b) { return std::abs(a - b) <= 2; };
        QVERIFY2(near(styled.left(), ours.left()) && near(styled.right(), ours.right()) && near(styled.top(), ours.top())
                     && near(styled.bottom(), ours.bottom()),
                 qPrintable(u"style %1,%2 %3x%4, ours %5,%6 %7x%8"_s.arg(styled.x()).arg(styled.y()).arg(styled.width())
                                .arg(styled.height()).arg(ours.x()).arg(ours.y()).arg(ours.width()).arg(ours.height())));
    }

    void elidesToTheCellOnOneLine()
    {
        const QString title = u"Ürümqi: na export leiding\npresident van de regering in Kazachstan en Kirgizië"_s;
        m_model.setData(m_model.index(0, 0), title, Qt::DisplayRole);
        QStyleOptionViewItem opt = option(m_model.index(0, 0));
        opt.text = title;
        const QString shown = ArticleListDelegate::shownText(opt, 150);
        QVERIFY2(shown.endsWith(QChar(0x2026)), qPrintable(shown));
        QVERIFY(!shown.contains(u'\n'));
        QVERIFY(shown.startsWith(u"Ürümqi: na export"_s));
        QVERIFY(opt.fontMetrics.horizontalAdvance(shown) <= 150);
        // No ink past the cell's text rectangle.
        const QImage image = render(m_ours, title);
        const QRect ink = inkBox(image, qRgb(255, 255, 255));
        QVERIFY(ink.right() < kWidth - 2);
        QVERIFY(ink.height() < kHeight); // one line
    }

    void aSourceKeepsBothEndsOfItsName()
    {
        // The source column's delegate elides in the middle: feeds of one site differ at the end.
        struct Exposed : ArticleListDelegate
        {
            Exposed()
                : ArticleListDelegate(Qt::ElideMiddle, nullptr)
            {
            }
            using ArticleListDelegate::initStyleOption;
        } middle;
        const QString source = u"Nieuws uit Azië — Centraal-Azië en Kaukasus"_s;
        m_model.setData(m_model.index(0, 0), source, Qt::DisplayRole);
        QStyleOptionViewItem opt = option(m_model.index(0, 0));
        middle.initStyleOption(&opt, m_model.index(0, 0));
        QCOMPARE(opt.textElideMode, Qt::ElideMiddle);
        const QString shown = ArticleListDelegate::shownText(opt, 150);
        QVERIFY2(shown.startsWith(u"Nieuws"_s) && shown.endsWith(u"Kaukasus"_s) && shown.contains(QChar(0x2026)),
                 qPrintable(shown));
        // The other columns keep the view's mode.
        QStyleOptionViewItem plain = option(m_model.index(0, 0));
        QCOMPARE(plain.textElideMode, Qt::ElideRight);
    }

    void selectedTextTakesTheHighlightedTextColour()
    {
        const QImage image = render(m_ours, u"Wuhan"_s, QStyle::State_Selected);
        const QColor highlight = m_view.palette().color(QPalette::Active, QPalette::Highlight);
        const QColor text = m_view.palette().color(QPalette::Active, QPalette::HighlightedText);
        const QRect ink = inkBox(image, highlight.rgb());
        QVERIFY(!ink.isEmpty());
        // Antialiased glyphs blend towards the text colour; their darkest or brightest pixel is it.
        int best = 255 * 3;
        for (int y = ink.top(); y <= ink.bottom(); ++y) {
            for (int x = ink.left(); x <= ink.right(); ++x) {
                const QColor c = image.pixelColor(x, y);
                best = qMin(best, std::abs(c.red() - text.red()) + std::abs(c.green() - text.green())
                                      + std::abs(c.blue() - text.blue()));
            }
        }
        QVERIFY2(best < 30, qPrintable(QString::number(best)));
    }

    void otherStylesDrawTheWholeCell()
    {
        // A style the fast path does not know (here an unnamed QCommonStyle; on Windows the
        // Vista style, which recolours selected items) paints every pixel as it always did.
        QCommonStyle other;
        m_view.setStyle(&other);
        const auto restore = qScopeGuard([this] { m_view.setStyle(nullptr); });
        const QString text = u"Ürümqi: na export leiding president van de regering in Kazachstan"_s;
        QCOMPARE(render(m_ours, text, QStyle::State_Selected), render(m_styled, text, QStyle::State_Selected));
        QCOMPARE(render(m_ours, text), render(m_styled, text));
    }

    void emptyCellsDrawOnlyTheirPanel()
    {
        const QImage ours = render(m_ours, QString(), QStyle::State_Selected);
        const QImage styled = render(m_styled, QString(), QStyle::State_Selected);
        QCOMPARE(ours, styled);
    }
};

QTEST_MAIN(TestArticleListDelegate)
#include "TestArticleListDelegate.moc"
