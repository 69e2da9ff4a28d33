// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboard benchmark at full scale, offscreen: the timeline's replot after a zoom (target
// < 16 ms), a change of the shared selection until every view is updated (< 100 ms), and the
// longest event-loop stall while the file loads (< 100 ms). Hidden views update when shown, so
// a selection change is measured with each view on screen in turn, and the switch to each view
// after a change is measured too (< 100 ms). Usage: bench_gui FILE
#include "accountspage.h"
#include "benchutil.h"
#include "familiespage.h"
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
#include <QTimer>

#include <algorithm>
#include <cstdio>

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
    while (figures.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    *loadMs = clock.elapsed();
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
// arrive and the visible views have redrawn; returns the milliseconds.
double changeSelection(MainWindow& w, int step)
{
    QSignalSpy updated(w.findChild<SelectionJob*>(), &SelectionJob::updated);
    QElapsedTimer t;
    t.start();
    const std::int64_t start = 1765000000 + (step % 14) * 5 * 86400 + (step / 14) * 3600;
    w.selection()->setRange(TimeRange{start, start + 3 * 86400});
    while (updated.isEmpty())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    settle();
    return double(t.nsecsElapsed()) / 1e6;
}

void report(const char* what, const QString& view, const std::vector<double>& ms)
{
    std::printf("%s, %s: median %.1f ms, worst %.1f ms (target < 100)\n", what, qPrintable(QString(view).remove(QLatin1Char('&'))),
                median(ms), worst(ms));
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
        std::vector<double> changes;
        for (int i = 0; i < 6; ++i)
            changes.push_back(changeSelection(w, page * 6 + i));
        report("selection change until every visible view is updated", w.pages()->tabText(page), changes);
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
    const bool change = changeWorst < 100 && switchWorst < 100;
    const bool ok = stall < 100 && replot < 16 && change;
    std::printf("bench_gui: %s\n", ok ? "all targets met" : "targets missed");
    return ok ? 0 : 1;
}
