// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenRequests.h"
#include "SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace folio;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void serverNameDependsOnTheProfileOnly()
    {
        const QString a = m_dir.filePath(u"a"_s);
        QVERIFY(QDir().mkpath(a));
        QCOMPARE(SingleInstance::serverName(a), SingleInstance::serverName(a + u"/"_s));
        QCOMPARE(SingleInstance::serverName(a), SingleInstance::serverName(m_dir.filePath(u"a/../a"_s)));
        QVERIFY(SingleInstance::serverName(a) != SingleInstance::serverName(m_dir.filePath(u"b"_s)));
        QVERIFY(!SingleInstance::serverName(a).contains(u'/'));
    }

    void firstInstanceFindsNobody()
    {
        SingleInstance first(m_dir.filePath(u"alone"_s));
        QCOMPARE(first.sendToRunning({}, 200), SingleInstance::Outcome::NoInstance);
        QVERIFY(first.listen());
        QVERIFY(first.isListening());
    }

    void secondInstanceDeliversItsArguments()
    {
        const QString profile = m_dir.filePath(u"shared"_s);
        SingleInstance first(profile);
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::messageReceived);

        const QStringList arguments{u"/tmp/feeds.opml"_s, u"https://example.org/feed.xml"_s};
        // The second instance blocks like a fresh process would, so it runs on another thread
        // while this one serves the first instance.
        QFuture<SingleInstance::Outcome> second = QtConcurrent::run([profile, arguments] {
            SingleInstance other(profile);
            return other.sendToRunning(arguments);
        });
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.first().first().toStringList(), arguments);
        QTRY_VERIFY(second.isFinished());
        QCOMPARE(second.result(), SingleInstance::Outcome::Delivered);
    }

    void emptyHandOverStillReachesTheFirst()
    {
        const QString profile = m_dir.filePath(u"raise"_s);
        SingleInstance first(profile);
        QVERIFY(first.listen());
        QSignalSpy received(&first, &SingleInstance::messageReceived);
        QFuture<SingleInstance::Outcome> second =
            QtConcurrent::run([profile] { return SingleInstance(profile).sendToRunning({}); });
        QTRY_COMPARE(received.count(), 1);
        QVERIFY(received.first().first().toStringList().isEmpty());
        QTRY_VERIFY(second.isFinished());
        QCOMPARE(second.result(), SingleInstance::Outcome::Delivered);
    }

    void staleSocketOfACrashedInstanceIsReplaced()
    {
#ifdef Q_OS_UNIX
        const QString profile = m_dir.filePath(u"crashed"_s);
        // What a crash leaves: a socket path nobody listens on.
        const QString path = QDir(QDir::tempPath()).filePath(SingleInstance::serverName(profile));
        QFile stale(path);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        SingleInstance first(profile);
        QCOMPARE(first.sendToRunning({}, 200), SingleInstance::Outcome::NoInstance);
        QVERIFY(first.listen());
#else
        QSKIP("Only Unix sockets leave a file behind");
#endif
    }

    void argumentsAreSortedIntoRequests()
    {
        const QDir cwd(m_dir.path());
        const OpenRequests r = OpenRequests::fromArguments(
            {u"list.OPML"_s, u"page.txt"_s, u"feed://example.org/rss"_s, u"feed:https://example.org/atom"_s,
             u"https://example.com/feed.xml"_s, u"file:///tmp/x.xml"_s},
            cwd);
        QCOMPARE(r.subscriptionLists, QStringList{cwd.filePath(u"list.OPML"_s)});
        QCOMPARE(r.files, (QStringList{cwd.filePath(u"page.txt"_s), u"/tmp/x.xml"_s}));
        QCOMPARE(r.feeds, (QList<QUrl>{QUrl(u"http://example.org/rss"_s), QUrl(u"https://example.org/atom"_s),
                                       QUrl(u"https://example.com/feed.xml"_s)}));
        // The hand-over form means the same in another working directory.
        const OpenRequests again = OpenRequests::fromArguments(r.toArguments(), QDir(u"/"_s));
        QCOMPARE(again.subscriptionLists, r.subscriptionLists);
        QCOMPARE(again.files, r.files);
        QCOMPARE(again.feeds, r.feeds);
        QVERIFY(!OpenRequests::feedUrl(u"feed:"_s).isValid());
        QVERIFY(!OpenRequests::feedUrl(u"ftp://example.org/x"_s).isValid());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
