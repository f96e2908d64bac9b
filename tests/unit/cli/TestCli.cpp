// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the built folio-cli as a user would, and checks its output, JSON and exit status.
#include "TestConfig.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };

    QTemporaryDir m_dir;

    Run cli(const QStringList& args, const QString& profile = {})
    {
        QProcess p;
        QStringList all = args;
        if (!profile.isEmpty()) {
            all << u"--profile"_s << profile;
        }
        p.start(QString::fromUtf8(FOLIO_CLI_PATH), all);
        if (!p.waitForFinished(60000)) {
            p.kill();
        }
        return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                   p.readAllStandardError()};
    }

private Q_SLOTS:
    void versionAndHelp()
    {
        const Run v = cli({u"--version"_s});
        QCOMPARE(v.status, 0);
        QVERIFY(v.out.startsWith("folio-cli "));
        const Run h = cli({u"--help"_s});
        QCOMPARE(h.status, 0);
        for (const char* word : {"import", "tags", "list", "show", "bookmark", "read", "stats", "parse", "--profile"}) {
            QVERIFY2(h.out.contains(word), word);
        }
    }

    void helpPerCommand()
    {
        const Run all = cli({u"--help"_s});
        QVERIFY2(all.out.startsWith("Usage: folio-cli [options] COMMAND"), all.out.left(80).constData());
        const Run sub = cli({u"subscribe"_s, u"--help"_s});
        QCOMPARE(sub.status, 0);
        QVERIFY2(sub.out.startsWith("Usage: folio-cli subscribe URL"), sub.out.left(80).constData());
        QVERIFY(sub.out.contains("--tag"));
        QVERIFY(sub.out.contains("--profile"));
        QVERIFY(!sub.out.contains("annotate"));
        QVERIFY(!sub.out.contains("--quote"));
        const Run list = cli({u"--help"_s, u"list"_s});
        QVERIFY(list.out.startsWith("Usage: folio-cli list"));
        QVERIFY(list.out.contains("--with-undated"));
        // An option of another command is a usage error that points at this command's help.
        const Run wrong = cli({u"list"_s, u"--quote"_s, u"x"_s, u"--no-seed"_s}, m_dir.filePath(u"help"_s));
        QCOMPARE(wrong.status, 2);
        QVERIFY2(wrong.err.contains("Try 'folio-cli list --help'."), wrong.err.constData());
        const Run unknown = cli({u"frobnicate"_s});
        QCOMPARE(unknown.status, 2);
        QVERIFY(unknown.err.contains("Try 'folio-cli --help'."));
    }

    void newLibraryHasTheSeed()
    {
        const QString profile = m_dir.filePath(u"seed"_s);
        const Run tags = cli({u"tags"_s, u"--json"_s}, profile);
        QCOMPARE(tags.status, 0);
        const QJsonArray array = tags.json().array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.at(0).toObject().value(u"name"_s).toString(), u"Centraal-Azië"_s);
        QCOMPARE(array.at(0).toObject().value(u"count"_s).toInt(), 6);
        QCOMPARE(array.at(0).toObject().value(u"unread"_s).toInt(), 6);

        const Run stats = cli({u"stats"_s, u"--json"_s}, profile);
        const QJsonObject s = stats.json().object();
        QCOMPARE(s.value(u"articles"_s).toInt(), 6);
        QCOMPARE(s.value(u"tags"_s).toInt(), 1);
        QCOMPARE(s.value(u"sources"_s).toInt(), 1);
        QCOMPARE(s.value(u"bookmarks"_s).toInt(), 0);
        QCOMPARE(s.value(u"unread"_s).toInt(), 6);
    }

    void importListShowBookmarkRead()
    {
        const QString profile = m_dir.filePath(u"flow"_s);
        const Run imported = cli({u"import"_s, folio::test::dataPath(u"tagpages/kazachstan.txt"_s)}, profile);
        QCOMPARE(imported.status, 0);
        const Run again = cli({u"import"_s, u"--json"_s, folio::test::dataPath(u"tagpages/kazachstan.txt"_s)}, profile);
        QCOMPARE(again.json().array().at(0).toObject().value(u"added"_s).toInt(), 0);

        const Run list = cli({u"list"_s, u"--json"_s, u"--tag"_s, u"kazachstan"_s}, profile);
        QCOMPARE(list.status, 0);
        const QJsonArray rows = list.json().array();
        QCOMPARE(rows.size(), 2);
        const QJsonObject first = rows.at(0).toObject();
        QCOMPARE(first.value(u"title"_s).toString(), u"Topontmoeting in Astana was vruchtbaar"_s);
        QVERIFY(first.value(u"link"_s).isNull());
        QVERIFY(first.value(u"published"_s).isNull());
        QCOMPARE(first.value(u"tags"_s).toArray().size(), 2);
        QCOMPARE(first.value(u"read"_s).toBool(), false);
        const int id = first.value(u"id"_s).toInt();

        QCOMPARE(cli({u"bookmark"_s, QString::number(id)}, profile).status, 0);
        QCOMPARE(cli({u"read"_s, QString::number(id)}, profile).status, 0);
        const QJsonObject shown = cli({u"show"_s, QString::number(id), u"--json"_s}, profile).json().object();
        QCOMPARE(shown.value(u"bookmarked"_s).toBool(), true);
        QCOMPARE(shown.value(u"read"_s).toBool(), true);
        QVERIFY(shown.value(u"summary"_s).toString().startsWith(u"Xi Jinping heeft"_s));
        QVERIFY(shown.value(u"content_html"_s).isNull());

        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--bookmarked"_s}, profile).json().array().size(), 1);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--unread"_s}, profile).json().array().size(), 6);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--text"_s, u"steppe"_s}, profile).json().array().size(), 1);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--limit"_s, u"3"_s}, profile).json().array().size(), 3);
        // Undated articles are left out by a date range.
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--since"_s, u"2000-01-01"_s}, profile).json().array().size(), 0);

        QCOMPARE(cli({u"bookmark"_s, QString::number(id), u"--off"_s}, profile).status, 0);
        QCOMPARE(cli({u"stats"_s, u"--json"_s}, profile).json().object().value(u"bookmarks"_s).toInt(), 0);
    }

    void searchesTagsAndSavedSearches()
    {
        const QString profile = m_dir.filePath(u"search"_s);
        QCOMPARE(cli({u"import"_s, folio::test::dataPath(u"tagpages/kazachstan.txt"_s)}, profile).status, 0);
        // Diacritics, phrases, OR, exclusions; --text and --query combine with the other filters.
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--text"_s, u"azie"_s}, profile).json().array().size(), 6);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--text"_s, u"samenwerk*"_s, u"--tag"_s, u"kazachstan"_s}, profile)
                     .json().array().size(),
                 cli({u"list"_s, u"--json"_s, u"--query"_s, u"tag:Kazachstan samenwerk*"_s}, profile).json().array().size());
        const Run bad = cli({u"list"_s, u"--text"_s, u"astana OR"_s}, profile);
        QCOMPARE(bad.status, 2);
        QVERIFY2(bad.err.contains("OR"), bad.err.constData());
        QCOMPARE(cli({u"list"_s, u"--query"_s, u"published>=gisteren"_s}, profile).status, 2);
        const QJsonArray all = cli({u"list"_s, u"--json"_s}, profile).json().array();
        QCOMPARE(all.size(), 7);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--added-since"_s, u"2000-01-01"_s}, profile).json().array().size(), 7);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--added-until"_s, u"2000-01-01"_s}, profile).json().array().size(), 0);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--since"_s, u"2000-01-01"_s, u"--with-undated"_s}, profile)
                     .json().array().size(),
                 7);

        // Own tags on several articles; rename, merge, delete.
        const QString a = QString::number(all.at(0).toObject().value(u"id"_s).toInt());
        const QString b = QString::number(all.at(1).toObject().value(u"id"_s).toInt());
        QCOMPARE(cli({u"tag"_s, a, b, u"--add"_s, u"Reis"_s}, profile).status, 0);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--tag"_s, u"reis"_s}, profile).json().array().size(), 2);
        QCOMPARE(cli({u"tag"_s, a, u"--remove"_s, u"reis"_s}, profile).status, 0);
        QCOMPARE(cli({u"tags"_s, u"rename"_s, u"Reis"_s, u"Reizen"_s}, profile).status, 0);
        QCOMPARE(cli({u"tags"_s, u"merge"_s, u"Reizen"_s, u"Kazachstan"_s}, profile).status, 0);
        QCOMPARE(cli({u"list"_s, u"--json"_s, u"--tag"_s, u"kazachstan"_s, u"--tag"_s, u"Centraal-Azië"_s,
                      u"--any-tag"_s},
                     profile)
                     .json().array().size(),
                 7);
        QCOMPARE(cli({u"tags"_s, u"delete"_s, u"Kazachstan"_s}, profile).status, 0);
        QCOMPARE(cli({u"tags"_s, u"--json"_s}, profile).json().array().size(), 1);
        QCOMPARE(cli({u"tag"_s, a}, profile).status, 2);

        QCOMPARE(cli({u"searches"_s, u"save"_s, u"Azië"_s, u"tag:\"Centraal-Azië\" astana"_s}, profile).status, 0);
        const QJsonArray saved = cli({u"searches"_s, u"--json"_s}, profile).json().array();
        QCOMPARE(saved.size(), 1);
        QVERIFY(saved.at(0).toObject().value(u"count"_s).toInt() >= 1);
        QCOMPARE(cli({u"searches"_s, u"delete"_s, u"Azië"_s}, profile).status, 0);
    }

    void errorsGoToStderrWithStatus()
    {
        const QString profile = m_dir.filePath(u"errors"_s);
        const Run bad = cli({u"import"_s, folio::test::dataPath(u"tagpages/missing-summary.txt"_s)}, profile);
        QCOMPARE(bad.status, 1);
        QVERIFY(bad.out.isEmpty());
        QVERIFY2(bad.err.contains("missing-summary.txt:7: article title without a summary"), bad.err.constData());
        QCOMPARE(cli({u"stats"_s, u"--json"_s}, profile).json().object().value(u"articles"_s).toInt(), 6);

        QCOMPARE(cli({u"show"_s, u"9999"_s}, profile).status, 1);
        QCOMPARE(cli({u"frobnicate"_s}, profile).status, 2);
        QCOMPARE(cli({u"list"_s, u"--since"_s, u"yesterday"_s}, profile).status, 2);
        QCOMPARE(cli({u"import"_s, u"/nonexistent/file.txt"_s}, profile).status, 1);
    }

    void parsePrintsTheDocumentWithoutALibrary()
    {
        const QString profile = m_dir.filePath(u"parse-untouched"_s);
        const Run parsed = cli({u"parse"_s, QString::fromUtf8(FOLIO_SOURCE_DIR) + u"/seeds/centraal-azie.txt"_s}, profile);
        QCOMPARE(parsed.status, 0);
        const QJsonObject doc = parsed.json().object();
        QCOMPARE(doc.value(u"format"_s).toString(), u"tagpage"_s);
        QCOMPARE(doc.value(u"title"_s).toString(), u"Centraal-Azië"_s);
        QVERIFY(doc.value(u"link"_s).isNull());
        const QJsonArray items = doc.value(u"items"_s).toArray();
        QCOMPARE(items.size(), 6);
        const QJsonObject item = items.at(0).toObject();
        for (const char* key : {"id", "title", "link", "published", "updated", "author", "tags", "summary", "content_html"}) {
            QVERIFY2(item.contains(QLatin1String(key)), key);
        }
        QVERIFY(!QFile::exists(profile + u"/folio.sqlite"_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
