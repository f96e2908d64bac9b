// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace folio {

/// The named character references of HTML 4 (the set feeds use without declaring it in XML).
class HtmlEntities
{
public:
    /// The character for an entity name (case-sensitive, without '&' and ';'), or a null
    /// QString when HTML 4 does not define it.
    static QString resolve(QStringView name);
};

} // namespace folio
