// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamUrl.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

// The libpq keywords a URL may carry (host and port go to QSqlDatabase directly).
const QStringList& knownOptions()
{
    static const QStringList list = {u"sslmode"_s,        u"sslrootcert"_s,     u"sslcert"_s,
                                     u"sslkey"_s,         u"sslcrl"_s,          u"sslcompression"_s,
                                     u"connect_timeout"_s, u"application_name"_s, u"target_session_attrs"_s,
                                     u"keepalives"_s,     u"keepalives_idle"_s, u"requiressl"_s,
                                     u"channel_binding"_s, u"gssencmode"_s,     u"passfile"_s};
    return list;
}

const QStringList& sslModes()
{
    static const QStringList list = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                     u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    return list;
}

} // namespace

Result<TeamUrl> TeamUrl::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(u"postgresql://"_s) && !trimmed.startsWith(u"postgres://"_s)) {
        return makeError(Error::Code::Invalid,
                         u"a team URL starts with postgresql:// (got \"%1\")"_s.arg(trimmed.left(40)));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        return makeError(Error::Code::Invalid, u"not a valid team URL: %1"_s.arg(url.errorString()));
    }
    TeamUrl out;
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    out.host = url.host(QUrl::FullyDecoded);
    out.port = url.port(-1);
    out.database = url.path(QUrl::FullyDecoded).mid(1);
    if (out.database.isEmpty() || out.database.contains(u'/')) {
        return makeError(Error::Code::Invalid, u"the team URL must name a database: postgresql://host/dbname"_s);
    }
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto& [key, value] : items) {
        if (key == "host"_L1) {
            out.host = value;
        } else if (key == "port"_L1) {
            bool ok = false;
            out.port = value.toInt(&ok);
            if (!ok || out.port <= 0 || out.port > 65535) {
                return makeError(Error::Code::Invalid, u"the team URL has a bad port \"%1\""_s.arg(value));
            }
        } else if (key == "user"_L1) {
            out.user = value;
        } else if (key == "password"_L1) {
            out.password = value;
        } else if (key == "dbname"_L1) {
            out.database = value;
        } else if (knownOptions().contains(key)) {
            if (key == "sslmode"_L1 && !sslModes().contains(value)) {
                return makeError(Error::Code::Invalid,
                                 u"sslmode must be one of %1 (got \"%2\")"_s.arg(sslModes().join(u", "_s), value));
            }
            if (value.contains(u';')) {
                return makeError(Error::Code::Invalid, u"the team URL option %1 contains ';'"_s.arg(key));
            }
            out.options.insert(key, value);
        } else {
            return makeError(Error::Code::Invalid, u"the team URL has an unknown parameter \"%1\""_s.arg(key));
        }
    }
    return out;
}

QString TeamUrl::toString() const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    if (!user.isEmpty()) {
        url.setUserName(user);
    }
    const bool socket = host.startsWith(u'/');
    url.setHost(socket ? QString() : host);
    if (port > 0) {
        url.setPort(port);
    }
    url.setPath(u"/"_s + database);
    QUrlQuery query;
    if (socket) {
        query.addQueryItem(u"host"_s, host);
    }
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        query.addQueryItem(it.key(), it.value());
    }
    url.setQuery(query);
    QString text = url.toString(QUrl::FullyEncoded);
    if (host.isEmpty() || socket) {
        // QUrl drops the empty authority; libpq wants postgresql:///dbname.
        text.replace(u"postgresql:/"_s + database, u"postgresql:///"_s + database);
    }
    return text;
}

QString TeamUrl::effectiveUser() const
{
    if (!user.isEmpty()) {
        return user;
    }
    const QString env = qEnvironmentVariable("PGUSER");
    if (!env.isEmpty()) {
        return env;
    }
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

QString TeamUrl::connectOptions() const
{
    QStringList parts;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        parts.append(it.key() + u'=' + it.value());
    }
    if (!options.contains(u"connect_timeout"_s)) {
        parts.append(u"connect_timeout=10"_s);
    }
    return parts.join(u';');
}

} // namespace folio
