// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// folio-bench-queries --profile DIR [--runs N]: the list queries the window runs, timed in
// process on an existing library (made by folio-gen), each as median/min/max over N runs after
// one warm-up, printed as one JSON object. A query is "first rows": one page of 50, as the window
// asks for it. The reference in the same run is the query's unbounded form (every matching row,
// as a naive list would read them), so the figures also read as ratios.
#include "storage/ArticleStore.h"
#include "storage/FeedStore.h"
#include "storage/TagStore.h"
#include "storage/TimelineStore.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

QJsonObject timed(int runs, const std::function<int()>& fn)
{
    std::vector<double> ms;
    int rows = fn(); // warm-up
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        rows = fn();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return QJsonObject{{u"median_ms"_s, ms[ms.size() / 2]}, {u"min_ms"_s, ms.front()}, {u"max_ms"_s, ms.back()},
                       {u"rows"_s, rows}, {u"runs"_s, runs}};
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption profileOpt(u"profile"_s, u"profile folder"_s, u"DIR"_s);
    const QCommandLineOption runsOpt(u"runs"_s, u"timed runs per query"_s, u"N"_s, u"15"_s);
    const QCommandLineOption noRefOpt(u"no-reference"_s, u"skip the unbounded reference queries"_s);
    parser.addOptions({profileOpt, runsOpt, noRefOpt});
    parser.process(app);
    const QString path = QDir(parser.value(profileOpt)).filePath(Database::fileName());
    auto db = Database::connection(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    const int runs = qMax(1, parser.value(runsOpt).toInt());
    ArticleStore store(db.value());
    const auto page = [&store](const ArticleQuery& q, int limit) {
        return [&store, q, limit] {
            auto rows = store.page(q, std::nullopt, limit);
            return rows ? static_cast<int>(rows->size()) : -1;
        };
    };
    ArticleQuery tag;
    tag.tags = {u"Kazachstan"_s};
    ArticleQuery date;
    date.since = QDateTime(QDate(2020, 3, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    date.until = QDateTime(QDate(2020, 4, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    ArticleQuery text; // the most common content word of the generated corpus, ranked
    text.text = u"regering"_s;
    text.sort = ArticleQuery::Sort::Relevance;
    ArticleQuery rare;
    rare.text = u"Samarkand moskee"_s;
    rare.sort = ArticleQuery::Sort::Relevance;
    QJsonObject out;
    {
        QSqlQuery v(db.value());
        out.insert(u"sqlite_version"_s, v.exec(u"SELECT sqlite_version()"_s) && v.next() ? v.value(0).toString() : QString());
    }
    out.insert(u"qt_version"_s, QString::fromLatin1(qVersion()));
    out.insert(u"articles"_s, store.stats() ? store.stats()->articles : -1);
    out.insert(u"all_first_page"_s, timed(runs, page({}, 50)));
    out.insert(u"tag_first_page"_s, timed(runs, page(tag, 50)));
    out.insert(u"date_first_page"_s, timed(runs, page(date, 50)));
    out.insert(u"text_first_page"_s, timed(runs, page(text, 50)));
    out.insert(u"text2_first_page"_s, timed(runs, page(rare, 50)));
    out.insert(u"tag_count"_s, timed(runs, [&] { auto c = store.count(tag); return c ? *c : -1; }));
    out.insert(u"text_count"_s, timed(runs, [&] { auto c = store.count(text); return c ? *c : -1; }));
    // What the sidebar, the status bar and the timeline strip ask for after every change.
    out.insert(u"sidebar_counts"_s, timed(runs, [&] {
        auto stats = store.stats();
        auto tags = TagStore(db.value()).tagCounts();
        auto feeds = FeedStore(db.value()).feedCounts();
        return stats && tags && feeds ? static_cast<int>(tags->size() + feeds->size()) : -1;
    }));
    out.insert(u"status_counts"_s, timed(runs, [&] {
        ArticleQuery unread;
        unread.unreadOnly = true;
        auto all = store.count({});
        auto left = store.count(unread);
        return all && left ? *left : -1;
    }));
    out.insert(u"timeline_all"_s, timed(runs, [&] {
        auto t = TimelineStore(db.value()).timeline({});
        return t ? static_cast<int>(t->counts.size()) : -1;
    }));
    out.insert(u"timeline_tag"_s, timed(runs, [&] {
        auto t = TimelineStore(db.value()).timeline(tag);
        return t ? static_cast<int>(t->counts.size()) : -1;
    }));
    // References: the same queries unbounded (every matching row read, as without paging).
    if (!parser.isSet(noRefOpt)) {
        const int all = 10'000'000;
        out.insert(u"ref_tag_all_rows"_s, timed(qMin(runs, 3), page(tag, all)));
        out.insert(u"ref_text_all_rows"_s, timed(qMin(runs, 3), page(text, all)));
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    Database::closeConnection(path);
    return 0;
}
