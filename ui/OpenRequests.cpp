// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenRequests.h"

#include "MainWindow.h"

#include <QFileInfo>
#include <QFileOpenEvent>

using namespace Qt::StringLiterals;

namespace folio {

QUrl OpenRequests::feedUrl(const QString& argument)
{
    QString text = argument.trimmed();
    if (text.startsWith("feed:"_L1, Qt::CaseInsensitive)) {
        text = text.mid(5);
        if (text.startsWith("//"_L1)) {
            text = u"http:"_s + text; // feed://host/path is the feed at http://host/path
        }
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != "http"_L1 && scheme != "https"_L1)) {
        return {};
    }
    return url;
}

OpenRequests OpenRequests::fromArguments(const QStringList& arguments, const QDir& workingDir)
{
    OpenRequests requests;
    for (const QString& argument : arguments) {
        if (argument.isEmpty()) {
            continue;
        }
        if (const QUrl feed = feedUrl(argument); feed.isValid()) {
            requests.feeds.append(feed);
            continue;
        }
        QString path = argument;
        if (argument.startsWith("file:"_L1, Qt::CaseInsensitive)) {
            path = QUrl(argument).toLocalFile();
        }
        path = QDir::cleanPath(workingDir.absoluteFilePath(path));
        if (QFileInfo(path).suffix().compare("opml"_L1, Qt::CaseInsensitive) == 0) {
            requests.subscriptionLists.append(path);
        } else {
            requests.files.append(path);
        }
    }
    return requests;
}

QStringList OpenRequests::toArguments() const
{
    QStringList arguments = subscriptionLists + files;
    for (const QUrl& url : feeds) {
        arguments.append(url.toString(QUrl::FullyEncoded));
    }
    return arguments;
}

void OpenRequests::openIn(MainWindow& window) const
{
    for (const QString& path : subscriptionLists) {
        window.importSubscriptions(path);
    }
    if (!files.isEmpty()) {
        window.importFiles(files);
    }
    for (const QUrl& url : feeds) {
        window.subscribe(url);
    }
}

bool FileOpenEventFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FileOpen) {
        const auto* open = static_cast<QFileOpenEvent*>(event);
        const QUrl url = open->url();
        const QString argument = url.isLocalFile() ? url.toLocalFile() : url.toString(QUrl::FullyEncoded);
        if (!argument.isEmpty()) {
            Q_EMIT openRequested({argument});
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void raiseWindow(QWidget& window)
{
    window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window.show();
    window.raise();
    window.activateWindow();
}

} // namespace folio
