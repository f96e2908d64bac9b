// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace folio {

/// An earlier version of an annotation's note and colour, replaced by a later edit (team sync).
struct AnnotationVersion
{
    QString note;
    QString color;
    QString author;
    qint64 updated = 0; ///< UTC seconds: when this version was written
};

/// A highlight (with an optional note) or an article-level note, anchored the W3C Web
/// Annotation way: the quote with its prefix and suffix, plus character offsets [start, end)
/// in the article's anchor text (see AnnotationStore). User data: never touched by imports.
struct Annotation
{
    qint64 id = 0;
    qint64 articleId = 0;
    QString quote;  ///< empty for an article-level note
    QString prefix; ///< up to 32 characters before the quote
    QString suffix; ///< up to 32 characters after the quote
    int start = -1;
    int end = -1;
    QString note;
    QString color = QStringLiteral("yellow");
    qint64 created = 0; ///< UTC seconds
    qint64 updated = 0; ///< UTC seconds
    bool detached = false; ///< the quote could not be found in the current text
    QString uuid;   ///< stable across libraries (the team library's key)
    QString author; ///< the team role that wrote it; empty: this library's own, before it joined a team
    QList<AnnotationVersion> history; ///< earlier versions, oldest first (forArticle fills it)

    bool isArticleNote() const { return quote.isEmpty(); }
};

} // namespace folio

Q_DECLARE_METATYPE(folio::Annotation)
