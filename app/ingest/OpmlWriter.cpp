// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingest/OpmlWriter.h"

#include <QBuffer>
#include <QLocale>
#include <QXmlStreamWriter>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// A folder of the outline tree; entries keep folders and feeds in order of first appearance.
struct FolderNode
{
    struct Entry
    {
        FolderNode* folder = nullptr;
        const OpmlOutline* feed = nullptr;
    };

    QString name;
    std::vector<std::unique_ptr<FolderNode>> children;
    std::vector<Entry> entries;

    FolderNode* child(const QString& childName)
    {
        for (const auto& c : children) {
            if (c->name == childName) {
                return c.get();
            }
        }
        children.push_back(std::make_unique<FolderNode>());
        children.back()->name = childName;
        entries.push_back(Entry{children.back().get(), nullptr});
        return children.back().get();
    }
};

QString categoryAttribute(const QStringList& categories)
{
    QStringList parts;
    for (const QString& category : categories) {
        // A comma would split the entry on reading; a slash is a hierarchy and stays.
        QString name = category.simplified();
        name.replace(u',', u' ');
        name = name.simplified();
        if (!name.isEmpty()) {
            parts.append(u'/' + name);
        }
    }
    return parts.join(u',');
}

QString rfc822(const QDateTime& dt)
{
    return QLocale::c().toString(dt.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss"_s) + " GMT"_L1;
}

void writeFolder(QXmlStreamWriter& w, const FolderNode& node)
{
    for (const FolderNode::Entry& entry : node.entries) {
        if (entry.folder) {
            w.writeStartElement(u"outline"_s);
            w.writeAttribute(u"text"_s, entry.folder->name);
            w.writeAttribute(u"title"_s, entry.folder->name);
            writeFolder(w, *entry.folder);
            w.writeEndElement();
            continue;
        }
        const OpmlOutline& feed = *entry.feed;
        const QString title = feed.title.isEmpty() ? feed.xmlUrl : feed.title;
        w.writeStartElement(u"outline"_s);
        w.writeAttribute(u"type"_s, u"rss"_s);
        w.writeAttribute(u"text"_s, title);
        w.writeAttribute(u"title"_s, title);
        w.writeAttribute(u"xmlUrl"_s, feed.xmlUrl);
        if (!feed.htmlUrl.isEmpty()) {
            w.writeAttribute(u"htmlUrl"_s, feed.htmlUrl);
        }
        const QString categories = categoryAttribute(feed.categories);
        if (!categories.isEmpty()) {
            w.writeAttribute(u"category"_s, categories);
        }
        if (!feed.offlinePolicy.isEmpty() && feed.offlinePolicy != "none"_L1) {
            w.writeAttribute(u"folioOffline"_s, feed.offlinePolicy); // other readers ignore it
        }
        w.writeEndElement();
    }
}

} // namespace

QByteArray OpmlWriter::write(const QList<OpmlOutline>& outlines, const QString& title, const QDateTime& dateCreated)
{
    FolderNode root;
    for (const OpmlOutline& outline : outlines) {
        if (outline.xmlUrl.isEmpty()) {
            continue;
        }
        FolderNode* folder = &root;
        for (const QString& name : outline.folders) {
            const QString trimmed = name.simplified();
            if (!trimmed.isEmpty()) {
                folder = folder->child(trimmed);
            }
        }
        folder->entries.push_back(FolderNode::Entry{nullptr, &outline});
    }

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter w(&buffer);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(2);
    w.writeStartDocument(u"1.0"_s);
    w.writeStartElement(u"opml"_s);
    w.writeAttribute(u"version"_s, u"2.0"_s);
    w.writeStartElement(u"head"_s);
    w.writeTextElement(u"title"_s, title);
    if (dateCreated.isValid()) {
        w.writeTextElement(u"dateCreated"_s, rfc822(dateCreated));
    }
    w.writeEndElement();
    w.writeStartElement(u"body"_s);
    writeFolder(w, root);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return bytes;
}

} // namespace folio
