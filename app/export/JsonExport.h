// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Article.h"

#include <QJsonArray>
#include <QJsonObject>

/// The JSON shapes `folio-cli --json` prints (documented in the README).
namespace folio::json {

QJsonObject articleRow(const ArticleRow& row);
QJsonObject article(const Article& article);
QJsonObject tagCount(const TagCount& tag);
QJsonObject stats(const LibraryStats& stats);
QJsonObject importReport(const ImportReport& report);

} // namespace folio::json
