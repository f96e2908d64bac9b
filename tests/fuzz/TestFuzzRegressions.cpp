// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Replays every input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/) and every seed,
// in the normal build, so a fixed crash stays fixed without clang or libFuzzer.
#include "FuzzTargets.h"
#include "TestConfig.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private:
    static QString fuzzDir() { return QString::fromUtf8(FOLIO_SOURCE_DIR) + u"/tests/fuzz"_s; }

    static int replay(const QString& dir, const std::function<void(const QByteArray&)>& target)
    {
        int n = 0;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly)) {
                target(f.readAll());
                ++n;
            }
        }
        return n;
    }

private Q_SLOTS:
    void replays_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QStringList>("dirs");
        const QString data = QString::fromUtf8(FOLIO_SOURCE_DIR) + u"/tests/data/"_s;
        QTest::newRow("tagpage") << u"tagpage"_s << QStringList{data + u"tagpages"_s};
        QTest::newRow("feed") << u"feed"_s << QStringList{data + u"feeds"_s};
        QTest::newRow("opml") << u"opml"_s << QStringList{data + u"opml"_s};
        QTest::newRow("sanitizer") << u"sanitizer"_s << QStringList{fuzzDir() + u"/seeds/html"_s, data + u"feeds/http"_s};
        QTest::newRow("query") << u"query"_s << QStringList{fuzzDir() + u"/seeds/query"_s};
    }

    void replays()
    {
        QFETCH(QString, target);
        QFETCH(QStringList, dirs);
        using Target = std::function<void(const QByteArray&)>;
        const QHash<QString, Target> targets = {
            {u"tagpage"_s, folio::fuzz::tagPage}, {u"feed"_s, folio::fuzz::feed},
            {u"opml"_s, folio::fuzz::opml},       {u"sanitizer"_s, folio::fuzz::sanitizer},
            {u"query"_s, folio::fuzz::query},
        };
        int seeds = 0;
        for (const QString& dir : std::as_const(dirs)) {
            seeds += replay(dir, targets.value(target));
        }
        QVERIFY(seeds > 0);
        // Crashes found by the fuzzers, kept as regressions (may be none yet for a target).
        const int crashes = replay(fuzzDir() + u"/regressions/"_s + target, targets.value(target));
        qInfo("%s: %d seeds, %d saved crash inputs replayed", qPrintable(target), seeds, crashes);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "TestFuzzRegressions.moc"
