// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Annotation.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace folio {

/// An article with the reader's annotations on it: what the annotation exports are made of.
struct AnnotatedArticle
{
    qint64 id = 0;
    QString title;
    QString link;
    QString source;
    std::optional<qint64> published; ///< UTC seconds
    QStringList tags;
    bool bookmarked = false;
    QList<Annotation> annotations; ///< article notes first, then highlights in text order
};

/// Which annotated (or bookmarked) articles an export covers.
struct AnnotationFilter
{
    QStringList tags;               ///< articles with every one of these tags (empty: all)
    std::optional<qint64> since;    ///< annotations made (bookmarks set) at or after this UTC second
    QList<qint64> articleIds;       ///< only these articles (empty: all)
    bool includeBookmarks = true;   ///< bookmarked articles without annotations too
};

} // namespace folio

Q_DECLARE_METATYPE(folio::AnnotatedArticle)
