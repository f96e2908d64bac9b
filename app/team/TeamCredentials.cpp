// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/TeamCredentials.h"

#include "team/TeamServer.h"

#ifdef FOLIO_WITH_KEYCHAIN
#include <qt6keychain/keychain.h>

#include <QEventLoop>
#endif

using namespace Qt::StringLiterals;

namespace folio {

namespace {

[[maybe_unused]] const auto kService = u"Folio team"_s;

} // namespace

bool TeamCredentials::available()
{
#ifdef FOLIO_WITH_KEYCHAIN
    return qEnvironmentVariableIsEmpty("FOLIO_NO_KEYCHAIN");
#else
    return false;
#endif
}

#ifdef FOLIO_WITH_KEYCHAIN
namespace {

// Runs a keychain job to its end (QtKeychain answers asynchronously).
void runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace
#endif

Result<QString> TeamCredentials::read(const QString& url)
{
#ifdef FOLIO_WITH_KEYCHAIN
    if (!available()) {
        return QString();
    }
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(url);
    runJob(job);
    if (job.error() == QKeychain::NoError) {
        return job.textData();
    }
    if (job.error() != QKeychain::EntryNotFound) {
        // No keychain on this system (a headless server): libpq's own sources still apply.
        qCInfo(lcTeam).noquote() << "keychain:" << job.errorString();
    }
    return QString();
#else
    Q_UNUSED(url)
    return QString();
#endif
}

Result<void> TeamCredentials::write(const QString& url, const QString& password)
{
#ifdef FOLIO_WITH_KEYCHAIN
    if (!available()) {
        return makeError(Error::Code::Generic, u"the system keychain is switched off ($FOLIO_NO_KEYCHAIN)"_s);
    }
    QKeychain::WritePasswordJob job(kService);
    job.setKey(url);
    job.setTextData(password);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        return makeError(Error::Code::Generic, u"cannot store the password in the keychain: %1"_s.arg(job.errorString()));
    }
    return {};
#else
    Q_UNUSED(url)
    Q_UNUSED(password)
    return makeError(Error::Code::Generic, u"this Folio was built without keychain support (FOLIO_WITH_KEYCHAIN)"_s);
#endif
}

Result<void> TeamCredentials::remove(const QString& url)
{
#ifdef FOLIO_WITH_KEYCHAIN
    if (!available()) {
        return {};
    }
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(url);
    runJob(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound) {
        return makeError(Error::Code::Generic, u"cannot remove the password from the keychain: %1"_s.arg(job.errorString()));
    }
    return {};
#else
    Q_UNUSED(url)
    return {};
#endif
}

} // namespace folio
