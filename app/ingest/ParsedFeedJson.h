// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ParsedFeed.h"

#include <QJsonObject>

namespace folio {

/// The `folio-cli parse` shape of a parsed document.
QJsonObject parsedFeedToJson(const ParsedFeed& feed);

} // namespace folio
