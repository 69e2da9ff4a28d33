// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboard benchmark at full scale, offscreen: the timeline's replot after a zoom (target
// < 16 ms), a change of the shared selection until every view is updated (< 100 ms), and the
// longest event-loop stall while the file loads (< 100 ms). Hidden views update when shown, so
// a selection change is measured with each view on screen in turn, and the switch to each view
// after a change is measured too (< 100 ms). Last, the longest the GUI thread is blocked by a
// cancel and by closing a window (< 50 ms): during the load (its hash running), during a
// selection pass. Usage: bench_gui FILE
#include "accountspage.h"
#include "benchutil.h"
#include "familiespage.h"
#include "job.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "qcustomplotshim.h"
#include "selection.h"
#include "selectionjob.h"
#include "tablepanel.h"
#include "timelinepage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace hs;
using bench::median;
using bench::worst;

namespace {

// Opens the file and measures the longest gap between ticks of a 1 ms timer meanwhile.
double loadStall(MainWindow& w, const QString& path, qint64* loadMs)
{
    QElapsedTimer clock, sinceTick;
    double worst = 0;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        worst = std::max(worst, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    QSignalSpy figures(w.findChild<SelectionJob*>(), &SelectionJob::updated);
    clock.start();
    sinceTick.start();
    tick.start();
    w.openFile(path);
    // A file that does not load never brings figures: give up (the caller fails) instead of waiting.
    while (figures.isEmpty() && clock.elapsed() < 300000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    *loadMs = figures.isEmpty() ? -1 : clock.elapsed();
    tick.stop();
    return worst;
}

// Events until none is left: posted events, zero-timers (queued replots) and the paints they ask.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

// Sets a 3-day range (a different one for each `step`) and waits until the selection's figures
// arrive and the visible views have redrawn; returns the milliseconds. `figuresMs` gets the part
// until the selection job's figures arrived (the rest is the views updating and painting).
double changeSelection(MainWindow& w, int step, std::vector<double>* figuresMs = nullptr)
{
    QSignalSpy updated(w.findChild<SelectionJob*>(), &SelectionJob::updated);
    QElapsedTimer t;
    t.start();
    const std::int64_t start = 1765000000 + (step % 14) * 5 * 86400 + (step / 14) * 3600;
    w.selection()->setRange(TimeRange{start, start + 3 * 86400});
    while (updated.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    if (figuresMs)
        figuresMs->push_back(double(t.nsecsElapsed()) / 1e6);
    settle();
    return double(t.nsecsElapsed()) / 1e6;
}

// How long `act` (a cancel, a close) blocks the GUI thread: the call itself, then the longest gap
// between ticks of a 1 ms timer over the next 300 ms, while the cancelled work runs out; and when
// the pool was idle again (the work stopped; the pool also frees what the window held).
struct Block
{
    double call = 0, callCpu = 0, after = 0, drained = -1;
    double worst() const { return std::max(call, after); }
};

// CPU time of the calling thread: what a call costs the GUI thread whatever else the machine runs.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

Block blockOf(const std::function<void()>& act)
{
    Block b;
    QElapsedTimer clock, sinceTick;
    const double cpu = threadCpuMs();
    clock.start();
    act();
    b.call = double(clock.nsecsElapsed()) / 1e6;
    b.callCpu = threadCpuMs() - cpu;
    QTimer tick;
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        b.after = std::max(b.after, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
        if (b.drained < 0 && jobPool()->activeThreadCount() == 0)
            b.drained = double(clock.nsecsElapsed()) / 1e6;
    });
    sinceTick.start();
    tick.start();
    while (clock.elapsed() < 300 + qint64(b.call) || (b.drained < 0 && clock.elapsed() < 10000))
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    jobPool()->waitForDone();
    return b;
}

void report(const char* what, const Block& b)
{
    std::printf("%s: the call %.1f ms (%.1f ms GUI-thread CPU), longest stall after it %.1f ms, pool idle after %.0f ms "
                "(target < 50)\n", what, b.call, b.callCpu, b.after, b.drained);
}

// Opens `path` in `w` and waits until the load has reported `fraction` of its progress.
void openUntil(MainWindow& w, const QString& path, double fraction)
{
    double seen = 0;
    auto c = QObject::connect(w.loadJob(), &LoadJob::progress, [&seen](const QString&, double f) { seen = f; });
    w.openFile(path);
    while (seen < fraction)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    QObject::disconnect(c);
}

// Cancel and close, each while the load runs (its hash too) and during a selection pass.
double cancelAndClose(const QString& path)
{
    std::vector<Block> blocks;
    auto* w = new MainWindow;
    w->resize(1920, 1080);
    w->show();
    openUntil(*w, path, 0.001); // the first report: the scan begins, the hash runs beside it
    blocks.push_back(blockOf([w] { w->loadJob()->cancel(); }));
    report("cancel the load at its first progress report", blocks.back());
    openUntil(*w, path, 0.5);
    blocks.push_back(blockOf([w] { w->loadJob()->cancel(); }));
    report("cancel the load, half-way through the scan", blocks.back());
    openUntil(*w, path, 0.001);
    blocks.push_back(blockOf([w] {
        w->close();
        delete w;
    }));
    report("close the window at the first progress report of a load", blocks.back());

    w = new MainWindow;
    w->resize(1920, 1080);
    w->show();
    QSignalSpy figures(w->findChild<SelectionJob*>(), &SelectionJob::updated);
    w->openFile(path);
    while (figures.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    settle();
    w->selection()->setRange(TimeRange{1765000000, 1765000000 + 3 * 86400});
    blocks.push_back(blockOf([w] {
        w->close();
        delete w;
    }));
    report("close the window during a selection pass", blocks.back());
    double longest = 0;
    for (const Block& b : blocks)
        longest = std::max(longest, b.worst());
    return longest;
}

void report(const char* what, const QString& view, const std::vector<double>& ms)
{
    QStringList each;
    for (double m : ms)
        each << QString::number(m, 'f', 1);
    std::printf("%s, %s: median %.1f ms, worst %.1f ms (target < 100); each: %s\n", what,
                qPrintable(QString(view).remove(QLatin1Char('&'))), median(ms), worst(ms), qPrintable(each.join(QLatin1Char(' '))));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gui FILE\n");
        return 2;
    }
    MainWindow w;
    w.resize(1920, 1080);
    w.show();
    qint64 loadMs = 0;
    const double stall = loadStall(w, QString::fromLocal8Bit(argv[1]), &loadMs);
    if (loadMs < 0) {
        std::fprintf(stderr, "bench_gui: %s did not load within 300 s (run bench_analyze first: it generates it)\n", argv[1]);
        return 1;
    }
    std::printf("load until every view is filled: %lld ms; longest event-loop stall: %.1f ms (target < 100)\n", loadMs, stall);

    TimelinePage* timeline = w.timelinePage();
    w.pages()->setCurrentWidget(timeline);
    QCoreApplication::processEvents();
    const std::vector<double> replots =
        bench::zoomSteps(timeline, timeline->plot()->xAxis->range().lower, timeline->plot()->xAxis->range().upper);
    const double replot = median(replots);
    std::printf("timeline zoom and replot: median %.1f ms, worst %.1f ms (target < 16)\n", replot, worst(replots));

    // A selection change until every visible view is updated, with each view in turn on screen
    // (hidden views update when shown: switching to one is measured below).
    double changeWorst = 0, changeMedian = 0;
    for (int page = 0; page < w.pages()->count(); ++page) {
        w.pages()->setCurrentIndex(page);
        settle();
        // A view shown for the first time may still be building (the Network page's graph and
        // layouts): measured from when it has finished, so the first change does not pay for it.
        QElapsedTimer idle;
        idle.start();
        while (jobPool()->activeThreadCount() > 0 && idle.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        settle();
        std::vector<double> changes, figures;
        for (int i = 0; i < 6; ++i)
            changes.push_back(changeSelection(w, page * 6 + i, &figures));
        report("selection change until every visible view is updated", w.pages()->tabText(page), changes);
        std::printf("    of which until the selection's figures arrived: median %.1f ms\n", median(figures));
        changeWorst = std::max(changeWorst, worst(changes));
        changeMedian = std::max(changeMedian, median(changes));
    }
    // Switching to a view after a selection change: the view catches up with the newest selection.
    double switchWorst = 0;
    for (int page = 0; page < w.pages()->count(); ++page) {
        std::vector<double> switches;
        for (int i = 0; i < 6; ++i) {
            w.pages()->setCurrentIndex(page == 1 ? 0 : 1); // from the timeline (or the overview)
            settle();
            changeSelection(w, 100 + page * 6 + i);
            QElapsedTimer t;
            t.start();
            w.pages()->setCurrentIndex(page);
            settle();
            switches.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        report("switch to the view after a selection change", w.pages()->tabText(page), switches);
        switchWorst = std::max(switchWorst, worst(switches));
    }
    std::printf("selection change: worst median over views %.1f ms, worst %.1f ms; view switch worst %.1f ms (targets < 100)\n",
                changeMedian, changeWorst, switchWorst);
    const double block = cancelAndClose(QString::fromLocal8Bit(argv[1]));
    std::printf("longest GUI-thread block on cancel or close: %.1f ms (target < 50)\n", block);
    const bool change = changeWorst < 100 && switchWorst < 100;
    const bool ok = stall < 100 && replot < 16 && change && block < 50;
    std::printf("bench_gui: %s\n", ok ? "all targets met" : "targets missed");
    return ok ? 0 : 1;
}
