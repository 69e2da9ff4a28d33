// SPDX-License-Identifier: GPL-3.0-or-later
// The cost of one account in the selection (Accounts > Show on the timeline): its hour cells from
// the exchange columns (selectioncells.h), which the timeline recomputes on the GUI thread at each
// bin change and the Capabilities page at each rebuild, and the selection figures with it.
// Usage: bench_accountfilter FILE. Prints median and worst of 10 runs in milliseconds.
#include "loader.h"
#include "selectioncells.h"
#include "selectionfigures.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace hs;

namespace {

void measure(const char* what, const std::function<void()>& run)
{
    std::vector<double> ms;
    for (int i = 0; i < 10; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-48s median %8.1f ms  worst %8.1f ms\n", what, ms[ms.size() / 2], ms.back());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: bench_accountfilter FILE\n", stderr);
        return 2;
    }
    LoadOptions options;
    options.keepColumns = true;
    options.computeHash = false;
    const LoadResult r = loadInvestigation(QString::fromLocal8Bit(argv[1]), options);
    if (!r.ok() || !r.investigation->columns) {
        std::fputs("bench_accountfilter: the file did not load with columns\n", stderr);
        return 1;
    }
    const Investigation& inv = *r.investigation;
    std::uint32_t busiest = 0;
    for (std::uint32_t a = 0; a < inv.accounts.size(); ++a)
        if (inv.accounts[a].group != kNoIndex && inv.accounts[a].group != inv.baselineGroup() &&
            inv.aggregates.accounts[a].exchanges > inv.aggregates.accounts[busiest].exchanges)
            busiest = a;
    Selection s;
    s.groups.assign(inv.groupCount(), false);
    s.groups[inv.accounts[busiest].group] = true;
    s.account = busiest;
    std::printf("%zu exchange rows; account %s with %llu exchanges\n", inv.columns->size,
                qPrintable(inv.accounts[busiest].externalRef), static_cast<unsigned long long>(inv.aggregates.accounts[busiest].exchanges));
    std::size_t cells = 0;
    Selection other = s; // another account, so that each run is a pass over the columns
    other.account = busiest == 0 ? 1 : 0;
    int run = 0;
    measure("account hour cells, another account each time", [&] {
        cells = selectedHourCells(inv, (run++ % 2) ? other : s).cells().size();
    });
    measure("account hour cells, the same account again", [&] { cells = selectedHourCells(inv, s).cells().size(); });
    measure("timeline, one account, day bins", [&] { (void)computeTimeline(inv, s, Bin::Day, SplitBy::Model); });
    Selection all = s;
    all.account.reset();
    measure("timeline, its campaign, day bins", [&] { (void)computeTimeline(inv, all, Bin::Day, SplitBy::Model); });
    measure("selection figures, one account", [&] { (void)computeSelectionFigures(inv, s); });
    std::printf("%zu hour cells\n", cells);
    return 0;
}
