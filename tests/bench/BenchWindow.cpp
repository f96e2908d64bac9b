// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
// folio-bench-window: the window on a real library, under QT_QPA_PLATFORM=offscreen. One JSON
// object on stdout.
//
//   folio-bench-window --profile DIR paint
//       first paint with rows (ms since main() and the wall clock at that moment, so a harness
//       can add process start-up), then a scroll through the whole list page by page: frames,
//       median, 99th percentile and longest frame, frames over 16 ms; memory (VmRSS/VmHWM) with
//       the library open, and resident memory after the whole list was scrolled (scroll_rss_mib).
//   folio-bench-window --profile DIR first
//       the first paint and memory, then (two seconds later) how many rows the idle window holds.
//   folio-bench-window --profile DIR import FILE
//   folio-bench-window --profile DIR refresh OPML
//       an event-loop latency probe (a 5 ms timer measuring how late it fires) while the window
//       imports FILE, or subscribes the feeds of OPML and refreshes them all: longest stall.
#include "ArticleListView.h"
#include "MainWindow.h"
#include "models/ArticleListModel.h"
#include "feeds/FeedService.h"
#include "storage/Library.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace folio;

namespace {

// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
        }
        return QObject::eventFilter(watched, event);
    }
};

qint64 statusKiB(const char* field)
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(field)) {
            return line.mid(static_cast<qsizetype>(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// Waits (running the event loop) until done() or timeoutMs. Between checks the thread sleeps in
// the event loop, as the application's own loop does: a loop that spins (processEvents with a
// time limit returns at once when nothing is queued) makes the GUI thread a CPU hog, which the
// scheduler then lets wait a whole time slice behind busy worker threads, and the stall probe
// would measure the harness. A 5 ms tick bounds the sleep.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QTimer tick;
    tick.start(5);
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// A 5 ms timer that records how late each tick comes: the event loop's longest stall.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0) {
                m_lateness.push_back(double(now - m_last) / 1e6 - 5.0);
            }
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    QJsonObject stop()
    {
        m_timer.stop();
        std::sort(m_lateness.begin(), m_lateness.end());
        const auto at = [this](double q) {
            return m_lateness.empty() ? 0.0 : m_lateness[static_cast<size_t>(q * double(m_lateness.size() - 1))];
        };
        return QJsonObject{{u"ticks"_s, static_cast<int>(m_lateness.size())}, {u"max_stall_ms"_s, at(1.0)},
                           {u"p99_stall_ms"_s, at(0.99)}, {u"median_stall_ms"_s, at(0.5)},
                           {u"seconds"_s, double(m_clock.nsecsElapsed()) / 1e9}};
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_lateness;
};

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption profileOpt(u"profile"_s, u"profile folder"_s, u"DIR"_s);
    parser.addOption(profileOpt);
    parser.addPositionalArgument(u"mode"_s, u"paint | first | import FILE | refresh OPML"_s);
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        parser.showHelp(2);
    }
    auto library = Library::open(parser.value(profileOpt));
    if (!library) {
        std::fprintf(stderr, "%s\n", qPrintable(library.error().toString()));
        return 1;
    }
    QNetworkAccessManager network;
    FeedService feeds(library->get(), &network);
    QJsonObject out;
    int status = 0;
    {
        MainWindow window(library->get(), &feeds);
        window.resize(1280, 800);
        window.show();
        ArticleListModel* model = window.articleModel();
        auto* list = window.findChild<ArticleListView*>();
        if (!list || !model) {
            std::fprintf(stderr, "no article list\n");
            return 1;
        }
        const bool painted = waitFor([&] { return model->rowCount() > 0; }, 30000);
        list->viewport()->repaint();
        out.insert(u"first_paint_ms_since_main"_s, double(sinceMain.nsecsElapsed()) / 1e6);
        out.insert(u"first_paint_epoch_ms"_s, double(QDateTime::currentMSecsSinceEpoch()));
        out.insert(u"first_rows"_s, painted ? model->rowCount() : 0);
        const QString mode = args.first();
        if (mode == "first"_L1) {
            out.insert(u"vm_rss_kib"_s, statusKiB("VmRSS:"));
            out.insert(u"vm_hwm_kib"_s, statusKiB("VmHWM:"));
            // The window left alone for two seconds: it must not go on reading the library.
            QElapsedTimer idle;
            idle.start();
            waitFor([&] { return idle.elapsed() > 2000; }, 3000);
            out.insert(u"idle_rows"_s, model->rowCount());
            out.insert(u"idle_vm_hwm_kib"_s, statusKiB("VmHWM:"));
        } else if (mode == "paint"_L1) {
            // Scroll the whole list, a page a frame, as a reader holding Page Down would.
            std::vector<double> frames;
            QScrollBar* bar = list->verticalScrollBar();
            PaintCounter painted;
            list->viewport()->installEventFilter(&painted);
            QElapsedTimer wall;
            wall.start();
            while (wall.elapsed() < 300000) {
                QElapsedTimer frame;
                frame.start();
                painted.paints = 0;
                bar->setValue(bar->value() + bar->pageStep());
                // A frame is all the GUI thread does from the key press to the new rows on
                // screen: the scroll, whatever arrived meanwhile (a page of rows) and one paint.
                // The scroll's update is usually painted in processEvents(); a second repaint
                // would count the same frame's paint twice, so it is forced only when none came.
                QCoreApplication::processEvents();
                if (painted.paints == 0) {
                    list->viewport()->repaint();
                }
                frames.push_back(double(frame.nsecsElapsed()) / 1e6);
                if (bar->value() >= bar->maximum()) {
                    if (model->atEnd()) {
                        break;
                    }
                    // The next page is on its way: wait for it (not counted as a frame).
                    const int rows = model->rowCount();
                    waitFor([&] { return model->rowCount() > rows || model->atEnd(); }, 30000);
                }
            }
            std::sort(frames.begin(), frames.end());
            out.insert(u"scroll_frames"_s, static_cast<int>(frames.size()));
            out.insert(u"scroll_rows"_s, model->rowCount());
            out.insert(u"scroll_median_frame_ms"_s, frames.empty() ? 0.0 : frames[frames.size() / 2]);
            out.insert(u"scroll_max_frame_ms"_s, frames.empty() ? 0.0 : frames.back());
            out.insert(u"scroll_p99_frame_ms"_s, frames.empty() ? 0.0 : frames[(frames.size() - 1) * 99 / 100]);
            out.insert(u"scroll_frames_over_16ms"_s,
                       static_cast<int>(std::count_if(frames.begin(), frames.end(), [](double f) { return f > 16.0; })));
            // What the window holds once the reader has scrolled everything (the model keeps a
            // window of pages, not every row it has shown).
            out.insert(u"scroll_rss_mib"_s, double(statusKiB("VmRSS:")) / 1024.0);
            out.insert(u"vm_rss_kib"_s, statusKiB("VmRSS:"));
            out.insert(u"vm_hwm_kib"_s, statusKiB("VmHWM:"));
        } else if ((mode == "import"_L1 || mode == "refresh"_L1) && args.size() == 2) {
            StallProbe probe;
            probe.start();
            bool done = false;
            bool ok = false;
            QString message;
            if (mode == "import"_L1) {
                auto* watcher = new QFutureWatcher<Result<ImportReport>>(&window);
                QObject::connect(watcher, &QFutureWatcherBase::finished, &window, [&, watcher] {
                    const auto r = watcher->result();
                    ok = r.hasValue();
                    message = ok ? u"%1 items"_s.arg(r->items) : r.error().toString();
                    done = true;
                });
                watcher->setFuture(library.value()->importFile(args.at(1)));
            } else {
                auto* watcher = new QFutureWatcher<Result<SubscriptionImportReport>>(&window);
                QObject::connect(watcher, &QFutureWatcherBase::finished, &window, [&, watcher] {
                    const auto r = watcher->result();
                    if (!r) {
                        message = r.error().toString();
                        done = true;
                        return;
                    }
                    auto* refresh = new QFutureWatcher<Result<RefreshReport>>(&window);
                    QObject::connect(refresh, &QFutureWatcherBase::finished, &window, [&, refresh] {
                        const auto rr = refresh->result();
                        ok = rr.hasValue() && rr->failed == 0;
                        message = rr ? u"%1 feeds, %2 fetched, %3 failed, %4 added"_s.arg(rr->feeds)
                                           .arg(rr->fetched)
                                           .arg(rr->failed)
                                           .arg(rr->added)
                                     : rr.error().toString();
                        done = true;
                    });
                    refresh->setFuture(feeds.refresh());
                });
                watcher->setFuture(feeds.importSubscriptions(args.at(1)));
            }
            waitFor([&] { return done; }, 600000);
            // Let the window take in the change (reload of the list and sidebar) while probed.
            QElapsedTimer settle;
            settle.start();
            waitFor([&] { return settle.elapsed() > 500; }, 1000);
            out.insert(u"probe"_s, probe.stop());
            out.insert(u"ok"_s, ok);
            out.insert(u"message"_s, message);
            status = ok ? 0 : 1;
        } else {
            parser.showHelp(2);
        }
        feeds.cancelRefresh();
        library.value()->waitForIdle();
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return status;
}
