// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SIGKILLs the built folio-cli at random (seeded) moments during a large import and while it
// writes annotations; after each kill the library must pass integrity_check, hold every file
// whose import was reported before the kill (and nothing of a file half imported), and the
// import must run to completion when started again.
//
// The seed is printed; FOLIO_CRASH_SEED=N replays a run, FOLIO_CRASH_ROUNDS=N makes it longer.
#include "TestConfig.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    static constexpr int kFiles = 24;
    static constexpr int kItemsPerFile = 250;

    struct Run
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };

    QTemporaryDir m_dir;
    QStringList m_files;
    QRandomGenerator m_random;
    quint32 m_seed = 0;

    QString m_profile; // the library the next cli() call works on
    qint64 m_importMs = 0; // how long a whole import takes here, measured

    QString profile() const { return m_profile; }

    static QString cliPath() { return QString::fromUtf8(FOLIO_CLI_PATH); }

    Run cli(const QStringList& args) const
    {
        QProcess p;
        p.start(cliPath(), args + QStringList{u"--profile"_s, profile(), u"--no-seed"_s});
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                   p.readAllStandardError()};
    }

    // Starts folio-cli and SIGKILLs it after delayMs (unless it ends first); the standard
    // output it wrote until then.
    QByteArray runAndKill(const QStringList& args, int delayMs, bool* killed, int* status = nullptr) const
    {
        QProcess p;
        p.start(cliPath(), args + QStringList{u"--profile"_s, profile(), u"--no-seed"_s});
        if (!p.waitForStarted()) {
            return {};
        }
        QElapsedTimer timer;
        timer.start();
        QByteArray out;
        *killed = false;
        while (p.state() != QProcess::NotRunning) {
            const qint64 left = delayMs - timer.elapsed();
            if (left <= 0) {
                p.kill(); // SIGKILL: no destructors, no flush, no unlock
                *killed = true;
                break;
            }
            p.waitForReadyRead(static_cast<int>(qMin<qint64>(left, 20)));
            out += p.readAllStandardOutput();
        }
        p.waitForFinished();
        out += p.readAllStandardOutput();
        if (status) {
            *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        }
        return out;
    }

    QHash<QString, int> tagCounts() const
    {
        QHash<QString, int> out;
        const Run tags = cli({u"tags"_s, u"--json"_s});
        const QJsonArray array = tags.json().array();
        for (const QJsonValue& v : array) {
            out.insert(v.toObject().value(u"name"_s).toString(), v.toObject().value(u"count"_s).toInt());
        }
        return out;
    }

    void verifyIntact(const QString& when) const
    {
        const Run check = cli({u"check"_s, u"--full"_s, u"--json"_s});
        QVERIFY2(check.status == 0 && check.json().object().value(u"ok"_s).toBool(),
                 qPrintable(when + u": "_s + QString::fromUtf8(check.out + check.err)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray env = qgetenv("FOLIO_CRASH_SEED");
        m_seed = env.isEmpty() ? 20261201u : env.toUInt();
        m_random.seed(m_seed);
        qInfo("crash seed %u (FOLIO_CRASH_SEED=%u replays it)", m_seed, m_seed);
        for (int f = 0; f < kFiles; ++f) {
            QByteArray page = "Tag: Crash " + QByteArray::number(f) + "\n\n";
            for (int i = 0; i < kItemsPerFile; ++i) {
                page += "Report " + QByteArray::number(f) + "-" + QByteArray::number(i) + "\n\n";
                page += "Paragraph " + QByteArray::number(i) + " of file " + QByteArray::number(f) + ": ";
                for (int w = 0; w < 60; ++w) {
                    page += "word" + QByteArray::number((f * 31 + i * 7 + w) % 997) + ' ';
                }
                page += "\n\n";
            }
            const QString file = m_dir.filePath(u"crash-%1.txt"_s.arg(f, 2, 10, QChar(u'0')));
            QVERIFY(folio::test::writeFile(file, page));
            m_files.append(file);
        }
        // Kill moments are spread over the import as it runs on this machine.
        m_profile = m_dir.filePath(u"reference"_s);
        QElapsedTimer timer;
        timer.start();
        const Run reference = cli(QStringList{u"import"_s} + m_files);
        m_importMs = timer.elapsed();
        QCOMPARE(reference.status, 0);
        qInfo("a whole import of %lld files takes %lld ms here", static_cast<long long>(m_files.size()),
              static_cast<long long>(m_importMs));
    }

    void killsDuringImportLoseNothingCommitted()
    {
        const QStringList import = QStringList{u"import"_s} + m_files;
        const int rounds = qMax(1, qEnvironmentVariableIntValue("FOLIO_CRASH_ROUNDS")) * 4;
        int kills = 0;
        qsizetype reported = 0;
        for (int round = 0; round < rounds; ++round) {
            m_profile = m_dir.filePath(u"round-%1"_s.arg(round));
            const int delay = static_cast<int>(m_importMs * (5 + m_random.bounded(90)) / 100);
            bool killed = false;
            const QByteArray out = runAndKill(import, delay, &killed);
            kills += killed ? 1 : 0;
            QSet<QString> committed;
            const QList<QByteArray> lines = out.split('\n');
            for (const QByteArray& line : lines) {
                const qsizetype colon = line.indexOf(": ");
                if (colon > 0 && line.contains(" items, ")) {
                    committed.insert(QString::fromUtf8(line.left(colon)));
                }
            }
            reported += committed.size();
            const QString when = u"round %1 (killed after %2 ms)"_s.arg(round).arg(delay);
            verifyIntact(when);
            // Each file is all or nothing, and every file reported before the kill is there.
            const QHash<QString, int> counts = tagCounts();
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                QVERIFY2(it.value() == kItemsPerFile, qPrintable(when + u": "_s + it.key() + u" half imported"_s));
            }
            for (const QString& file : std::as_const(committed)) {
                const int index = QFileInfo(file).baseName().section(u'-', 1).toInt();
                QVERIFY2(counts.value(u"Crash %1"_s.arg(index)) == kItemsPerFile, qPrintable(when + u": lost "_s + file));
            }
            // The import runs to completion when started again.
            const Run rerun = cli(import);
            QCOMPARE(rerun.status, 0);
            verifyIntact(when + u", after the rerun"_s);
            QCOMPARE(tagCounts().size(), kFiles);
            const Run stats = cli({u"stats"_s, u"--json"_s});
            QCOMPARE(stats.json().object().value(u"articles"_s).toInt(), kFiles * kItemsPerFile);
            // Clean runs leave no session marker behind; the killed one's was cleared.
            QCOMPARE(QDir(profile()).entryList({u"*.session-*.lock"_s}, QDir::Files | QDir::Hidden), QStringList());
        }
        qInfo("%d of %d imports killed mid-way; %lld files had been reported committed before a kill", kills, rounds,
              static_cast<long long>(reported));
        QVERIFY(kills > 0);
    }

    void killsWhileAnnotatingLoseNothingCommitted()
    {
        m_profile = m_dir.filePath(u"reference"_s);
        const Run list = cli({u"list"_s, u"--tag"_s, u"Crash 3"_s, u"--limit"_s, u"1"_s, u"--json"_s});
        QCOMPARE(list.status, 0);
        const QString id = QString::number(list.json().array().at(0).toObject().value(u"id"_s).toInteger());
        QVERIFY(id != "0"_L1);
        QSet<QString> done;
        int kills = 0;
        for (int i = 0; i < 16; ++i) {
            const QString note = u"note %1"_s.arg(i);
            const int delay = 20 + static_cast<int>(m_random.bounded(400));
            bool killed = false;
            int status = -1;
            runAndKill({u"annotate"_s, id, u"--quote"_s, u"of file 3"_s, u"--note"_s, note}, delay, &killed, &status);
            kills += killed ? 1 : 0;
            if (!killed) {
                QCOMPARE(status, 0);
                done.insert(note);
            }
            verifyIntact(u"annotation %1 (killed after %2 ms)"_s.arg(i).arg(delay));
        }
        qInfo("%d of 16 annotation writes killed", kills);
        const Run annotations = cli({u"annotations"_s, id, u"--json"_s});
        QCOMPARE(annotations.status, 0);
        QSet<QString> present;
        const QJsonArray array = annotations.json().array();
        for (const QJsonValue& v : array) {
            const QString note = v.toObject().value(u"note"_s).toString();
            QVERIFY2(!present.contains(note), qPrintable(u"twice: "_s + note));
            present.insert(note);
        }
        for (const QString& note : std::as_const(done)) {
            QVERIFY2(present.contains(note), qPrintable(u"lost: "_s + note));
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
