// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace folio::html::detail {

/// Returns utf8 without the start tags that an approximate model of HTML5 tree construction says
/// would nest more than maxDepth elements deep or keep more than maxFormatting formatting elements
/// (b, i, font …) open; text is never removed, and well-formed or ordinarily sloppy HTML comes back
/// unchanged. Exists because gumbo's cost per token grows with the depth of open elements.
QByteArray limitNesting(const QByteArray& utf8, int maxDepth, int maxFormatting);

} // namespace folio::html::detail
