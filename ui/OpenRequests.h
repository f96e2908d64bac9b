// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace folio {

class MainWindow;

/// What a launch asks Folio to open: command-line arguments, a second launch's hand-over, a
/// macOS file-open event. OPML lists import subscriptions, feed: and http(s) URLs subscribe,
/// every other path is a tag page or feed file to import.
struct OpenRequests
{
    QStringList subscriptionLists; ///< absolute paths of .opml files
    QStringList files; ///< absolute paths of tag pages and feed files
    QList<QUrl> feeds; ///< http(s) addresses to subscribe to

    /// Sorts arguments; relative paths are taken relative to workingDir.
    static OpenRequests fromArguments(const QStringList& arguments, const QDir& workingDir = QDir::current());
    /// The URL a feed: / feed:// / http(s) argument subscribes to, or an invalid URL.
    static QUrl feedUrl(const QString& argument);

    /// The same requests as arguments that mean the same in any working directory.
    QStringList toArguments() const;
    bool isEmpty() const { return subscriptionLists.isEmpty() && files.isEmpty() && feeds.isEmpty(); }

    /// Starts every request in the window (all asynchronous).
    void openIn(MainWindow& window) const;
};

/// Turns QFileOpenEvents (macOS: Finder "Open with", feed: links) into openRequested. Install it on
/// the application object.
class FileOpenEventFilter : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void openRequested(const QStringList& arguments);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

/// Brings the window to the front (a second launch handed something over).
void raiseWindow(QWidget& window);

} // namespace folio
