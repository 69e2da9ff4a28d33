// SPDX-License-Identifier: GPL-3.0-or-later
// Where a selection change's time goes (bench_gui measures the whole): the selection figures, each
// table the selection job builds, and swapping each of the Accounts page's tables into its panel on
// the GUI thread. The same 3-day ranges as bench_gui. Usage: bench_selection FILE; BENCH_SELECTION_STEPS
// sets the number of ranges (12), e.g. for a profile of the steps alone (perf record -D).
#include "analysis.h"
#include "benchutil.h"
#include "infrastructure.h"
#include "loader.h"
#include "selectionanalysis.h"
#include "selectionfigures.h"
#include "tablepanel.h"
#include "viewtables.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>

using namespace hs;

namespace {

std::map<std::string, std::vector<double>> g_ms;
std::vector<std::string> g_order;

template<typename F>
auto timed(const char* what, F&& f)
{
    QElapsedTimer t;
    t.start();
    auto result = f();
    if (!g_ms.count(what))
        g_order.emplace_back(what);
    g_ms[what].push_back(double(t.nsecsElapsed()) / 1e6);
    return result;
}

// As the selection job hands tables over: shared, never copied.
std::shared_ptr<const TableData> shared(TableData t) { return std::make_shared<const TableData>(std::move(t)); }

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fputs("usage: bench_selection FILE\n", stderr);
        return 2;
    }
    LoadOptions options;
    options.keepColumns = true;
    options.computeHash = false;
    const LoadResult r = loadInvestigation(QString::fromLocal8Bit(argv[1]), options);
    if (!r.ok()) {
        std::fputs("bench_selection: the file did not load\n", stderr);
        return 1;
    }
    const Investigation& inv = *r.investigation;
    const Analysis whole = analyze(inv);
    const std::vector<IndicatorGroup> indicators = indicatorGroups(inv);
    const std::vector<QString> indicatorText = accountIndicatorText(inv);
    const AttributeValues paths = attributeValues(inv, AccountAttribute::AccessPath);
    const AttributeValues countryValues = attributeValues(inv, AccountAttribute::Country);

    QWidget window;
    window.resize(1920, 1080);
    auto* layout = new QVBoxLayout(&window); // the panels on screen, as the page shows them
    std::vector<TablePanel*> panels;
    for (int i = 0; i < 5; ++i) {
        panels.push_back(new TablePanel(QStringLiteral("t%1").arg(i), &window));
        layout->addWidget(panels.back(), i == 0 ? 3 : 1);
    }
    panels[0]->view()->sortByColumn(AccountExchanges, Qt::DescendingOrder);
    panels[1]->view()->sortByColumn(2, Qt::DescendingOrder);
    window.show();
    const char* const names[] = {"swap accounts table", "swap clusters table", "swap linked table",
                                 "swap access paths table", "swap countries table"};
    const int steps = qEnvironmentVariableIsSet("BENCH_SELECTION_STEPS") ? qEnvironmentVariableIntValue("BENCH_SELECTION_STEPS") : 12;
    for (int step = 0; step < steps; ++step) {
        Selection s;
        const std::int64_t start = 1765000000 + (step % 14) * 5 * 86400;
        s.range = TimeRange{start, start + 3 * 86400};
        SelectionFigures f = timed("selection figures", [&] { return computeSelectionFigures(inv, s); });
        const auto accounts = timed("accounts table", [&] { return shared(accountsTable(inv, s, f, &indicatorText)); });
        timed("families + repetition tables", [&] { return std::make_pair(familiesTable(inv, s, f), repetitionTable(inv, s, f)); });
        timed("selection analysis", [&] { return selectionAnalysis(inv, whole, f); });
        const AccountMask groupsOnly = selectedAccounts(inv, f, false), withBaseline = selectedAccounts(inv, f, true);
        const auto clusters = timed("clusters table", [&] { return shared(clustersTable(inv, &groupsOnly)); });
        const auto linked = timed("linked table", [&] {
            return shared(linkedAccountsTable(inv, narrowIndicatorGroups(inv, indicators, groupsOnly)));
        });
        const auto pathsMix = timed("access paths table", [&] { return shared(attributeMixTable(inv, s, false, &withBaseline, &paths)); });
        const auto countries = timed("countries table", [&] { return shared(attributeMixTable(inv, s, true, &withBaseline, &countryValues)); });
        const std::shared_ptr<const TableData> tables[] = {accounts, clusters, linked, pathsMix, countries};
        for (int i = 0; i < 5; ++i)
            timed(names[i], [&] {
                panels[std::size_t(i)]->setTable(tables[i]);
                return 0;
            });
        timed("repaint the five tables", [&] {
            (void)window.grab(); // renders every panel (offscreen, repaint() draws nothing)
            return 0;
        });
        if (step == 0) {
            std::printf("%zu account rows, %zu linked rows\n", accounts->text.size(), linked->text.size());
            for (int i = 0; i < 5; ++i) { // the longest cell of each table: painting shapes what it shows
                qsizetype longest = 0;
                for (const auto& row : tables[i]->text)
                    for (const QString& cell : row)
                        longest = std::max(longest, cell.size());
                std::printf("  table %d: longest cell %lld characters\n", i, static_cast<long long>(longest));
            }
        }
    }
    for (const std::string& what : g_order)
        std::printf("%-32s median %7.1f ms  worst %7.1f ms\n", what.c_str(), bench::median(g_ms[what]), bench::worst(g_ms[what]));
    return 0;
}
