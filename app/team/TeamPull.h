// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"
#include "team/TeamLocal.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>

namespace folio {

class TeamServer;

/// What a pull brought in.
struct PullReport
{
    int changes = 0;  ///< things changed by others (or by this analyst on another machine)
    int articles = 0; ///< of which articles
    int annotations = 0;
    int feedsAdded = 0;
};

/// Reads the team's change log from the library's cursor in pages (one indexed range scan on
/// the change sequence, then one bulk select per kind) and applies each page in one local
/// transaction that also advances the cursor: a pull cut off anywhere resumes at the last page
/// that committed, and applying a page again changes nothing.
class TeamPull
{
public:
    TeamPull(QSqlDatabase local, TeamServer& server, TeamConfig config);
    ~TeamPull();

    /// Pages of this many changes (tests use small pages).
    void setPageSize(int size) { m_pageSize = size; }
    /// Called after each committed page with the total so far (progress, and tests).
    void setProgress(std::function<void(int)> progress) { m_progress = std::move(progress); }

    Result<PullReport> run();

private:
    struct Page;
    Result<bool> pullPage(PullReport* report);
    Result<void> applyArticles(const Page& page, PullReport* report);
    /// Writes the title keys of the articles a page stored (`titled`: [[identity, title], …]).
    Result<void> keyTitles(const QByteArray& titled);
    Result<void> applyKind(const QString& kind, const Page& page, PullReport* report);
    Result<qint64> articleId(const QString& identity);
    Result<qint64> storeArticle(const QSqlQuery& row, int offset);
    Result<qint64> tagId(const QString& key, const QString& name);
    QSqlQuery* local(const QString& sql);

    QSqlDatabase m_local;
    TeamServer& m_server;
    TeamConfig m_config;
    int m_pageSize = 5000;
    std::function<void(int)> m_progress;
    QHash<QString, qint64> m_tagIds;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    QList<std::pair<QString, QStringList>> m_newFeeds; // url, tags: subscribed after the page commits
    QStringList m_feedTitles;
    QSet<QString> m_storyKeys; // title keys whose stories the page may complete (StoryMerge::mergeStories)
};

} // namespace folio
