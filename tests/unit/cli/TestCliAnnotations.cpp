// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// folio-cli annotate, annotations and export annotations, run in-process.
#include "TestSupport.h"

#include "cli/CommandLine.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace folio;

class TestCliAnnotations : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;

    Run cli(QStringList args, const QString& profile)
    {
        QString out;
        QString err;
        QTextStream o(&out);
        QTextStream e(&err);
        args.prepend(u"folio-cli"_s);
        args << u"--profile"_s << profile;
        const int status = CommandLine(o, e).run(args);
        o.flush();
        e.flush();
        Database::closeConnection(QDir(profile).filePath(Database::fileName()));
        return Run{status, out, err};
    }

private Q_SLOTS:
    void annotateListAndExport()
    {
        const QString profile = m_dir.filePath(u"cli"_s);
        const Run ok = cli({u"annotate"_s, u"1"_s, u"--quote"_s, u"Astana"_s, u"--note"_s, u"capital"_s, u"--color"_s,
                            u"green"_s},
                           profile);
        QVERIFY2(ok.status == 0, qPrintable(ok.err));

        const Run missing = cli({u"annotate"_s, u"1"_s, u"--quote"_s, u"Not in this article at all"_s}, profile);
        QCOMPARE(missing.status, 1);
        QVERIFY(missing.err.contains(u"not in article"_s));
        QCOMPARE(cli({u"annotate"_s, u"1"_s, u"--quote"_s, u"Astana"_s, u"--occurrence"_s, u"9"_s}, profile).status, 1);
        QCOMPARE(cli({u"annotate"_s, u"1"_s, u"--quote"_s, u"Astana"_s, u"--color"_s, u"orange"_s}, profile).status, 2);
        QCOMPARE(cli({u"annotate"_s, u"1"_s}, profile).status, 2);

        const Run list = cli({u"annotations"_s, u"1"_s, u"--json"_s}, profile);
        QCOMPARE(list.status, 0);
        const QJsonArray array = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject a = array.at(0).toObject();
        QCOMPARE(a.value(u"quote"_s).toString(), u"Astana"_s);
        QCOMPARE(a.value(u"note"_s).toString(), u"capital"_s);
        QCOMPARE(a.value(u"color"_s).toString(), u"green"_s);
        QCOMPARE(a.value(u"detached"_s).toBool(), false);
        QVERIFY(a.value(u"created"_s).toString().endsWith(u'Z'));
        QCOMPARE(a.value(u"end"_s).toInt() - a.value(u"start"_s).toInt(), 6);
        QVERIFY(a.value(u"prefix"_s).toString().endsWith(u"bezoek aan "_s));
        for (const char* key : {"id", "quote", "prefix", "suffix", "start", "end", "note", "color", "created", "detached"}) {
            QVERIFY2(a.contains(QString::fromLatin1(key)), key);
        }

        const QString csvPath = m_dir.filePath(u"out.csv"_s);
        QCOMPARE(cli({u"export"_s, u"annotations"_s, u"--format"_s, u"csv"_s, u"-o"_s, csvPath}, profile).status, 0);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.at(0), QByteArray("article_id,title,link,published,quote,note,color,created,detached\r"));
        QVERIFY(lines.at(1).startsWith("1,"));
        QVERIFY(lines.at(1).contains(",Astana,capital,green,"));

        const Run w3c = cli({u"export"_s, u"annotations"_s, u"--format"_s, u"w3c"_s, u"--tag"_s, u"Centraal-Azië"_s},
                            profile);
        QCOMPARE(w3c.status, 0);
        const QJsonArray annotations = QJsonDocument::fromJson(w3c.out.toUtf8()).array();
        QCOMPARE(annotations.size(), 1);
        QCOMPARE(annotations.at(0).toObject().value(u"@context"_s).toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
        QCOMPARE(cli({u"export"_s, u"annotations"_s, u"--format"_s, u"json"_s, u"--tag"_s, u"Nothing"_s}, profile).out.trimmed(),
                 u"[\n]"_s);
        QCOMPARE(cli({u"export"_s, u"annotations"_s, u"--format"_s, u"docx"_s}, profile).status, 2);
        QCOMPARE(cli({u"export"_s, u"annotations"_s, u"--since"_s, u"2999-01-01"_s}, profile).out.trimmed(),
                 u"# Annotations"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliAnnotations)
#include "TestCliAnnotations.moc"
