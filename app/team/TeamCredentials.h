// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QString>

namespace folio {

/// Team server passwords in the system keychain (QtKeychain: Secret Service or KWallet,
/// Windows Credential Manager, macOS Keychain), keyed by the team URL without password. Never
/// in folio.ini. Built without FOLIO_WITH_KEYCHAIN, or with $FOLIO_NO_KEYCHAIN set, nothing is
/// stored and libpq's own sources (~/.pgpass, $PGPASSWORD) are the only ones.
/// Blocking: call off the GUI thread.
class TeamCredentials
{
public:
    static bool available();
    /// The stored password, or an empty string when there is none (or no keychain).
    static Result<QString> read(const QString& url);
    static Result<void> write(const QString& url, const QString& password);
    static Result<void> remove(const QString& url);
};

} // namespace folio
