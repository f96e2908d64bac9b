// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "storage/Library.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"folio"_s);
    QApplication::setApplicationDisplayName(u"Folio"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(FOLIO_VERSION));
    QApplication::setDesktopFileName(u"org.example.Folio"_s);
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Folio, a desktop news reader for analysts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profile(u"profile"_s, QApplication::translate("main", "Use the library in DIR."), u"DIR"_s);
    const QCommandLineOption noSeed(u"no-seed"_s,
                                    QApplication::translate("main", "Do not import the bundled tag pages into a new library."));
    parser.addOption(profile);
    parser.addOption(noSeed);
    parser.addPositionalArgument(u"files"_s, QApplication::translate("main", "Tag pages or feed files to import."),
                                 u"[FILE...]"_s);
    parser.process(app);

    auto library = folio::Library::open(folio::Library::resolveProfileDir(parser.value(profile)));
    if (!library) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Folio cannot open its library"),
                              library.error().toString());
        return 1;
    }
    // The one network manager for feeds, on the GUI thread. It outlives every fetch: the library
    // lets go of it (cancelling what still runs) before it is destroyed at the end of main.
    QNetworkAccessManager network;
    library.value()->setNetworkAccessManager(&network);
    int status = 0;
    {
        folio::MainWindow window(library->get());
        window.show();
        if (!parser.isSet(noSeed)) {
            library.value()->importSeedsIfNew();
        }
        if (!parser.positionalArguments().isEmpty()) {
            window.importFiles(parser.positionalArguments());
        }
        status = QApplication::exec();
        // Let queued library work finish while the window (the context of its continuations)
        // still exists.
        library.value()->setNetworkAccessManager(nullptr);
        library.value()->waitForIdle();
    }
    library.value()->setNetworkAccessManager(nullptr);
    library.value()->waitForIdle();
    return status;
}
