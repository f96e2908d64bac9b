// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "OpenRequests.h"
#include "PreferencesDialog.h"
#include "SingleInstance.h"
#include "TerminationSignals.h"

#include "feeds/FeedService.h"
#include "i18n/Translations.h"
#include "storage/Library.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QIcon>
#include <QImageReader>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QProgressDialog>
#include <QSettings>
#include <QThread>
#include <QTimer>

#include <limits>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

// The app icon in every rendered size (sharp at any scale factor), plus the SVG where Qt can draw it.
QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        icon.addFile(u":/folio/icons/hicolor/%1x%1/apps/org.example.Folio.png"_s.arg(size), QSize(size, size));
    }
    if (QImageReader::supportedImageFormats().contains("svg")) {
        icon.addFile(u":/folio/icons/org.example.Folio.svg"_s);
    }
    return icon;
}

// Opens the library on a thread of its own while a dialog says so: opening may first upgrade it
// (a backup copy, then the migrations) or check it after a crash, which for a large library takes
// from seconds to a minute or two, and a program that shows nothing meanwhile looks hung.
folio::Result<std::unique_ptr<folio::Library>> openLibrary(const QString& profileDir, folio::OpenOptions options)
{
    std::optional<folio::Result<std::unique_ptr<folio::Library>>> opened;
    QThread* gui = QThread::currentThread();
    std::unique_ptr<QThread> opener(QThread::create([&opened, gui, profileDir, options] {
        auto library = folio::Library::open(profileDir, options);
        if (library) {
            library.value()->moveToThread(gui); // its signals and pools belong to the window's thread
        }
        opened.emplace(std::move(library));
    }));
    QProgressDialog progress(QApplication::translate("main", "Opening the library…\nAn upgrade to this version of Folio, or a "
                                                             "check after a crash, can take a minute for a large library."),
                             QString(), 0, 0);
    progress.setWindowTitle(QApplication::translate("main", "Folio"));
    progress.setCancelButton(nullptr);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setMinimumDuration(std::numeric_limits<int>::max()); // shown by the timer below, not by itself
    QTimer later;
    later.setSingleShot(true);
    QObject::connect(&later, &QTimer::timeout, &progress, &QProgressDialog::show);
    QEventLoop loop;
    QObject::connect(opener.get(), &QThread::finished, &loop, &QEventLoop::quit);
    opener->start();
    later.start(400); // a library that opens at once shows no dialog
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    opener->wait();
    return std::move(*opened);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"folio"_s);
    QApplication::setApplicationDisplayName(u"Folio"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(FOLIO_VERSION));
    QApplication::setDesktopFileName(u"org.example.Folio"_s);
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    QApplication::setWindowIcon(applicationIcon());

    // The language comes from the profile's preferences, so the profile is known before the
    // (translated) command-line help is built.
    const QString profileDir =
        folio::Library::resolveProfileDir(folio::i18n::peekOption(QApplication::arguments(), u"profile"_s));
    {
        const QSettings settings(QDir(profileDir).filePath(u"folio.ini"_s), QSettings::IniFormat);
        const folio::Preferences preferences = folio::Preferences::load(settings);
        const QLocale locale = folio::i18n::chooseLocale(preferences.language);
        folio::i18n::install(app, locale);
        QLocale::setDefault(locale); // dates and numbers in the chosen language
        // The theme too, before the first dialog (the library may take a while to open).
        folio::applyTheme(preferences.theme);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Folio, a desktop news reader for analysts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(u"profile"_s, QApplication::translate("main", "Use the library in DIR."), u"DIR"_s);
    const QCommandLineOption noSeed(u"no-seed"_s,
                                    QApplication::translate("main", "Do not import the bundled tag pages into a new library."));
    const QCommandLineOption readOnly(u"read-only"_s,
                                      QApplication::translate("main", "Open the library read-only."));
    parser.addOption(profile);
    parser.addOption(noSeed);
    parser.addOption(readOnly);
    parser.addPositionalArgument(
        u"files"_s,
        QApplication::translate("main", "Tag pages or feed files to import, OPML subscription lists, feed: or "
                                        "http(s) feed addresses to subscribe to."),
        u"[FILE|URL...]"_s);
    parser.process(app);

    // One window per profile: a second launch hands its arguments to the first and ends.
    const folio::OpenRequests requests = folio::OpenRequests::fromArguments(parser.positionalArguments());
    folio::SingleInstance instance(profileDir);
    if (instance.sendToRunning(requests.toArguments()) == folio::SingleInstance::Outcome::Delivered) {
        return 0;
    }
    if (!instance.listen() && instance.sendToRunning(requests.toArguments()) == folio::SingleInstance::Outcome::Delivered) {
        return 0; // another launch won the race to listen
    }

    auto library = openLibrary(profileDir, folio::OpenOptions{parser.isSet(readOnly)});
    if (!library) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Folio cannot open its library"),
                              library.error().toString());
        return 1;
    }
    // The one network manager for feeds, on the GUI thread, and the feed service over it and the
    // library. It outlives every fetch: the service is destroyed (cancelling what still runs)
    // before the manager at the end of main.
    QNetworkAccessManager network;
    auto feeds = std::make_unique<folio::FeedService>(library->get(), &network);
    int status = 0;
    {
        folio::MainWindow window(library->get(), feeds.get());
        window.show();
        if (!library.value()->isReadOnly()) {
            if (parser.isSet(noSeed)) {
                library.value()->declineSeeds(); // a library created empty stays empty
            } else {
                library.value()->importSeedsIfNew();
            }
            library.value()->backupIfDue(); // on the writer thread, at most once a day
        }
        requests.openIn(window);
        const auto openHandedOver = [&window](const QStringList& arguments) {
            folio::raiseWindow(window);
            folio::OpenRequests::fromArguments(arguments).openIn(window);
        };
        QObject::connect(&instance, &folio::SingleInstance::messageReceived, &window, openHandedOver);
        folio::FileOpenEventFilter fileOpenFilter;
        QObject::connect(&fileOpenFilter, &folio::FileOpenEventFilter::openRequested, &window, openHandedOver);
        app.installEventFilter(&fileOpenFilter);
        // A termination signal closes the window as File → Quit does, so its layout is saved.
        folio::TerminationSignals termination;
        QObject::connect(&termination, &folio::TerminationSignals::requested, &window, [&window] {
            window.close();
            QApplication::quit();
        });
        status = QApplication::exec();
        // Let queued library work finish while the window (the context of its continuations)
        // still exists.
        feeds->cancelRefresh();
        library.value()->waitForIdle();
    }
    feeds.reset();
    library.value()->waitForIdle();
    return status;
}
