// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Result.h"

#include <QMap>
#include <QString>

namespace folio {

/// A team server address in libpq's URL form:
/// postgresql://[user[:password]@][host][:port]/dbname[?host=/socket/dir&sslmode=…&sslrootcert=…]
/// The password is used for the connection but never part of toString() (what is stored).
struct TeamUrl
{
    QString user;
    QString password;
    QString host; ///< a name, an address, or a Unix socket folder (starts with '/')
    int port = -1;
    QString database;
    QMap<QString, QString> options; ///< libpq keywords from the query: sslmode, sslrootcert, …

    static Result<TeamUrl> parse(const QString& text);

    /// The URL without the password (safe to store and show).
    QString toString() const;
    /// The user to connect as: the URL's, else $PGUSER, else the login name (libpq's default).
    QString effectiveUser() const;
    /// QPSQL connect options ("sslmode=require;connect_timeout=10").
    QString connectOptions() const;
};

} // namespace folio
