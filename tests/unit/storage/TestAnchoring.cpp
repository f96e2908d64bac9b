// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/AnchorMap.h"
#include "domain/Anchoring.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestAnchoring : public QObject
{
    Q_OBJECT

private:
    static const QString& text()
    {
        static const QString t = u"Xi Jinping visited Astana. The summit in Astana ended with a treaty. "
                                 u"Later the delegation flew on to Dushanbe."_s;
        return t;
    }

    static Annotation highlight(const QString& text, const QString& quote, int occurrence = 1)
    {
        Annotation a;
        const auto r = Anchoring::find(text, quote, occurrence);
        if (r) {
            Anchoring::select(text, r->start, r->end, &a);
        }
        return a;
    }

private Q_SLOTS:
    void selectSetsQuoteAndContext()
    {
        Annotation a;
        QVERIFY(Anchoring::select(text(), 27, 47, &a));
        QCOMPARE(a.quote, u"The summit in Astana"_s);
        QCOMPARE(a.prefix, u"Xi Jinping visited Astana. "_s);
        QCOMPARE(a.suffix.size(), Anchoring::kContextLength);
        QVERIFY(a.suffix.startsWith(u" ended with"_s));
        // White space at the edges is left out.
        QVERIFY(Anchoring::select(text(), 26, 31, &a));
        QCOMPARE(a.quote, u"The "_s.trimmed());
        QCOMPARE(a.start, 27);
        QVERIFY(!Anchoring::select(text(), 26, 27, &a));
    }

    void findsTheNthOccurrence()
    {
        QCOMPARE(Anchoring::find(text(), u"Astana"_s, 1)->start, 19);
        QCOMPARE(Anchoring::find(text(), u"Astana"_s, 2)->start, 41);
        QVERIFY(!Anchoring::find(text(), u"Astana"_s, 3));
        QVERIFY(!Anchoring::find(text(), u"Almaty"_s));
    }

    void unchangedTextKeepsTheRange()
    {
        Annotation a = highlight(text(), u"a treaty"_s);
        const Annotation before = a;
        QVERIFY(!Anchoring::reanchor(text(), &a));
        QCOMPARE(a.start, before.start);
        QVERIFY(!a.detached);
    }

    void editBeforeTheQuoteMovesIt()
    {
        Annotation a = highlight(text(), u"a treaty"_s);
        const QString edited = u"BREAKING: "_s + text();
        QVERIFY(Anchoring::reanchor(edited, &a));
        QCOMPARE(edited.mid(a.start, a.end - a.start), u"a treaty"_s);
        QCOMPARE(a.start, highlight(text(), u"a treaty"_s).start + 10);
        QVERIFY(!a.detached);
    }

    void editAfterTheQuoteKeepsIt()
    {
        Annotation a = highlight(text(), u"a treaty"_s);
        const QString edited = text() + u" Updated on Monday."_s;
        Anchoring::reanchor(edited, &a);
        QCOMPARE(edited.mid(a.start, a.end - a.start), u"a treaty"_s);
        QVERIFY(!a.detached);
    }

    void editInsideTheQuoteDetachesOrFindsItFuzzily()
    {
        // Case and white space changes inside the quote: found again by the fuzzy rule.
        Annotation a = highlight(text(), u"The summit in Astana"_s);
        QString edited = text();
        edited.replace(u"The summit in Astana"_s, u"The  summit in ASTANA"_s);
        QVERIFY(Anchoring::reanchor(edited, &a));
        QVERIFY(!a.detached);
        QCOMPARE(a.quote, u"The  summit in ASTANA"_s);
        // A word changed inside the quote: it cannot be placed, and is kept detached.
        Annotation b = highlight(text(), u"a treaty"_s);
        QString rewritten = text();
        rewritten.replace(u"a treaty"_s, u"an accord"_s);
        QVERIFY(Anchoring::reanchor(rewritten, &b));
        QVERIFY(b.detached);
        QCOMPARE(b.quote, u"a treaty"_s); // nothing of the annotation is lost
    }

    void repeatedQuoteIsResolvedByContext()
    {
        // The second "Astana" was highlighted; text is then inserted at the start, so the old
        // offset points nowhere useful. The context picks the right occurrence.
        Annotation a = highlight(text(), u"Astana"_s, 2);
        QCOMPARE(a.start, 41);
        const QString edited = u"Astana, Kazakhstan: "_s + text();
        QVERIFY(Anchoring::reanchor(edited, &a));
        QCOMPARE(a.start, 41 + 20);
        QVERIFY(a.prefix.endsWith(u"The summit in "_s));
    }

    void repeatedQuoteWithoutContextGoesToTheNearest()
    {
        Annotation a;
        a.quote = u"Astana"_s;
        a.start = 40;
        a.end = 46;
        QVERIFY(Anchoring::reanchor(text(), &a));
        QCOMPARE(a.start, 41);
    }

    void quoteGoneIsDetachedAndKept()
    {
        Annotation a = highlight(text(), u"Dushanbe"_s);
        const QString edited = u"Xi Jinping visited Astana."_s;
        QVERIFY(Anchoring::reanchor(edited, &a));
        QVERIFY(a.detached);
        QCOMPARE(a.quote, u"Dushanbe"_s);
        // Once detached, it comes back when the text does.
        QVERIFY(Anchoring::reanchor(text(), &a));
        QVERIFY(!a.detached);
    }

    void articleNotesNeverChange()
    {
        Annotation a;
        a.note = u"Read later"_s;
        QVERIFY(!Anchoring::reanchor(u"anything"_s, &a));
        QVERIFY(!a.detached);
    }

    void anchorMapPairsTextWithADifferentlySpacedView()
    {
        // The anchor text has '\n' between paragraphs; the view has paragraph separators, a
        // no-break space and an image placeholder.
        const QString anchor = u"First para.\nSecond para with a link."_s;
        const QString view = u"First\u00A0para.\u2029\uFFFCSecond para with a link."_s;
        const AnchorMap map(anchor, view);
        const int second = static_cast<int>(anchor.indexOf(u"Second"_s));
        QCOMPARE(map.toView(second), static_cast<int>(view.indexOf(u"Second"_s)));
        QCOMPARE(map.toAnchor(static_cast<int>(view.indexOf(u"link"_s))), static_cast<int>(anchor.indexOf(u"link"_s)));
        const auto [s, e] = map.viewRange(second, second + 6);
        QCOMPARE(view.mid(s, e - s), u"Second"_s);
        // Round trip for every non-space character.
        for (int i = 0; i < anchor.size(); ++i) {
            if (!anchor[i].isSpace()) {
                QCOMPARE(view[map.toView(i)], anchor[i]);
                QCOMPARE(map.toAnchor(map.toView(i)), i);
            }
        }
    }

    void anchorMapResynchronisesAfterExtraText()
    {
        const QString anchor = u"alpha beta gamma"_s;
        const QString view = u"alpha \u2022 beta gamma"_s; // a bullet the anchor text has not
        const AnchorMap map(anchor, view);
        QCOMPARE(view.mid(map.toView(6), 4), u"beta"_s);
        QCOMPARE(view.mid(map.toView(11), 5), u"gamma"_s);
    }
};

QTEST_APPLESS_MAIN(TestAnchoring)
#include "TestAnchoring.moc"
