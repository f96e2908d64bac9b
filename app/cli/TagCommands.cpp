// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/TagCommands.h"

#include "export/JsonExport.h"
#include "storage/ArticleStore.h"
#include "storage/SavedSearchStore.h"
#include "storage/TagStore.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace folio::cli {

QList<Command> TagCommands::commands()
{
    return {
        {u"tags"_s, u"[rename OLD NEW | merge FROM INTO | delete NAME | color NAME [#RRGGBB]]"_s,
         tr("tags with article and unread counts; or rename, merge, delete or colour a tag"), {}, true,
         [](Context& c, const QStringList& args) {
             return args.isEmpty() ? TagCommands(c).tags(c.db()) : TagCommands(c).editTags(c.db(), args);
         }},
        {u"tag"_s, u"ID... --add NAME | --remove NAME"_s, tr("add your own tag to articles, or take a tag off them"),
         {QCommandLineOption(u"add"_s, tr("Add tag NAME to the articles."), u"NAME"_s),
          QCommandLineOption(u"remove"_s, tr("Take tag NAME off the articles."), u"NAME"_s)},
         true, [](Context& c, const QStringList& args) { return TagCommands(c).tagArticles(c.db(), args); }},
        {u"searches"_s, u"[save NAME QUERY | delete NAME]"_s,
         tr("saved searches with their counts; save or delete one"), {}, true,
         [](Context& c, const QStringList& args) { return TagCommands(c).searches(c.db(), args); }},
    };
}

int TagCommands::tags(QSqlDatabase db)
{
    auto counts = TagStore(db).tagCounts();
    if (!counts) {
        return m_c.fail(counts.error().toString());
    }
    if (m_c.json()) {
        QJsonArray array;
        for (const TagCount& t : counts.value()) {
            array.append(json::tagCount(t));
        }
        m_c.printJson(array);
        return kExitOk;
    }
    for (const TagCount& t : counts.value()) {
        m_c.out() << t.name << '\t' << t.count << '\t' << tr("%1 unread").arg(t.unread) << Qt::endl;
    }
    return kExitOk;
}


int TagCommands::tagArticles(QSqlDatabase db, const QStringList& args)
{
    const bool add = m_c.isSet(u"add"_s);
    if (add == m_c.isSet(u"remove"_s)) {
        return m_c.usage(tr("tag needs either --add NAME or --remove NAME"));
    }
    QList<qint64> ids;
    for (const QString& arg : args) {
        bool ok = false;
        const qint64 id = arg.toLongLong(&ok);
        if (!ok) {
            return m_c.usage(tr("tag takes article IDs, not \"%1\"").arg(arg));
        }
        ids.append(id);
    }
    if (ids.isEmpty()) {
        return m_c.usage(tr("tag needs at least one article ID"));
    }
    ArticleStore articles(db);
    for (const qint64 id : std::as_const(ids)) {
        if (auto a = articles.article(id); !a) {
            return m_c.fail(a.error().toString());
        }
    }
    const QString name = m_c.value(add ? u"add"_s : u"remove"_s);
    TagStore store(db);
    auto r = add ? store.addTag(ids, name) : store.removeTag(ids, name);
    if (!r) {
        return m_c.fail(r.error().toString());
    }
    m_c.out() << (add ? tr("Tagged %n article(s) with %1", nullptr, static_cast<int>(ids.size())).arg(name.simplified())
                  : tr("Took %1 off %n article(s)", nullptr, static_cast<int>(ids.size())).arg(name.simplified()))
          << Qt::endl;
    return kExitOk;
}

int TagCommands::editTags(QSqlDatabase db, const QStringList& args)
{
    const QString action = args.first();
    TagStore store(db);
    Result<void> r;
    QString done;
    if (action == "rename"_L1 && args.size() == 3) {
        r = store.rename(args.at(1), args.at(2));
        done = tr("Renamed %1 to %2").arg(args.at(1), args.at(2).simplified());
    } else if (action == "merge"_L1 && args.size() == 3) {
        r = store.merge(args.at(1), args.at(2));
        done = tr("Merged %1 into %2").arg(args.at(1), args.at(2));
    } else if (action == "delete"_L1 && args.size() == 2) {
        r = store.remove(args.at(1));
        done = tr("Deleted tag %1").arg(args.at(1));
    } else if (action == "color"_L1 && (args.size() == 2 || args.size() == 3)) {
        r = store.setColor(args.at(1), args.value(2));
        done = tr("Colour of %1: %2").arg(args.at(1), args.value(2, tr("none")));
    } else {
        return m_c.usage(tr("tags takes: rename OLD NEW | merge FROM INTO | delete NAME | color NAME [#RRGGBB]"));
    }
    if (!r) {
        return m_c.fail(r.error().toString());
    }
    m_c.out() << done << Qt::endl;
    return kExitOk;
}

int TagCommands::searches(QSqlDatabase db, const QStringList& args)
{
    SavedSearchStore store(db);
    if (!args.isEmpty()) {
        if (args.first() == "save"_L1 && args.size() == 3) {
            auto saved = store.add(args.at(1), args.at(2));
            if (!saved) {
                return m_c.fail(saved.error().toString());
            }
            m_c.out() << tr("Saved search %1").arg(saved->name) << Qt::endl;
            return kExitOk;
        }
        if (args.first() == "delete"_L1 && args.size() == 2) {
            auto found = store.find(args.at(1));
            if (!found) {
                return m_c.fail(found.error().toString());
            }
            if (auto r = store.remove(found->id); !r) {
                return m_c.fail(r.error().toString());
            }
            m_c.out() << tr("Deleted saved search %1").arg(found->name) << Qt::endl;
            return kExitOk;
        }
        return m_c.usage(tr("searches takes: save NAME QUERY | delete NAME"));
    }
    auto list = store.list(true);
    if (!list) {
        return m_c.fail(list.error().toString());
    }
    if (m_c.json()) {
        QJsonArray array;
        for (const SavedSearch& s : list.value()) {
            array.append(QJsonObject{{u"id"_s, s.id}, {u"name"_s, s.name}, {u"query"_s, s.query}, {u"count"_s, s.count}});
        }
        m_c.printJson(array);
        return kExitOk;
    }
    for (const SavedSearch& s : list.value()) {
        m_c.out() << s.name << '\t' << s.count << '\t' << s.query << Qt::endl;
    }
    return kExitOk;
}

} // namespace folio::cli
