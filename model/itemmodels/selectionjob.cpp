// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionjob.h"

#include "viewtables.h"
#include "backgroundrelease.h"
#include "job.h"
#include "selectionanalysis.h"

#include <mutex>

namespace hs {

// Grouping accounts by indicator (tens of milliseconds at full scale), each account's indicator
// text and its access path and country as numbers are the same for every selection: done once, by the first selection job that needs them
// (a later one waits for it inside std::call_once, on the pool, never on the GUI thread).
struct SelectionJob::Base
{
    std::shared_ptr<const Analysis> whole;
    std::once_flag once;
    std::vector<IndicatorGroup> indicators;
    std::vector<QString> indicatorText;
    AttributeValues accessPaths, countries;

    void prepare(const Investigation& inv)
    {
        std::call_once(once, [&] {
            if (!whole)
                whole = std::make_shared<const Analysis>(analyze(inv));
            indicators = indicatorGroups(inv);
            indicatorText = accountIndicatorText(inv);
            accessPaths = attributeValues(inv, AccountAttribute::AccessPath);
            countries = attributeValues(inv, AccountAttribute::Country);
        });
    }
};

SelectionJob::SelectionJob(SelectionState* selection, QObject* parent)
    : QObject(parent), m_selection(selection), m_slot(new JobSlot(this))
{
    connect(m_selection, &SelectionState::changed, this, &SelectionJob::start);
}

SelectionJob::~SelectionJob() = default; // the slot cancels a running pass and does not wait for it

void SelectionJob::setInvestigation(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis)
{
    m_inv = std::move(inv);
    m_base = std::make_shared<Base>();
    m_base->whole = std::move(analysis);
    start();
}

namespace {

template<typename T>
std::shared_ptr<const T> shared(T value) { return std::make_shared<const T>(std::move(value)); }

// The Overview's figures and the Accounts page's tables of one selection, after its figures.
void addViews(const Investigation& inv, const Selection& selection, SelectionFigures& figures, const SelectionJob::Base& base,
              const ProgressSink& sink)
{
    auto stop = [&] { return figures.cancelled || sink.cancelled(); };
    if (stop())
        return;
    // Two halves of about equal time (bench_selection, full scale: 18 + 0.4 ms against 2 + 1 + 11 +
    // 0.4 ms): the accounts table and the countries on one core, the rest on the other. Each writes
    // its own members of `figures` and only reads the rest.
    const AccountMask withBaseline = selectedAccounts(inv, figures, true); // both halves' mixes
    runInParallel(2, [&](std::size_t part) {
        if (part == 0) {
            figures.accountsTable = shared(accountsTable(inv, selection, figures, &base.indicatorText));
            if (stop())
                return;
            figures.countriesTable = shared(attributeMixTable(inv, selection, true, &withBaseline, &base.countries));
            return;
        }
        figures.familiesTable = shared(familiesTable(inv, selection, figures));
        figures.repetitionTable = shared(repetitionTable(inv, selection, figures));
        figures.analysis = shared(selectionAnalysis(inv, *base.whole, figures));
        if (stop())
            return;
        const AccountMask groupsOnly = selectedAccounts(inv, figures, false);
        figures.clustersTable = shared(clustersTable(inv, &groupsOnly));
        figures.linkedTable = shared(linkedAccountsTable(inv, narrowIndicatorGroups(inv, base.indicators, groupsOnly)));
        figures.accessPathsTable = shared(attributeMixTable(inv, selection, false, &withBaseline, &base.accessPaths));
    });
}

} // namespace

void SelectionJob::start()
{
    if (!m_inv)
        return;
    // Each stage looks at the flag: a newer selection stops this one within milliseconds.
    auto work = [inv = m_inv, base = m_base, selection = m_selection->current()](const ProgressSink& sink) {
        SelectionFigures figures = computeSelectionFigures(*inv, selection, sink.cancelFlag());
        if (!figures.cancelled && !sink.cancelled()) {
            base->prepare(*inv);
            addViews(*inv, selection, figures, *base, sink);
        }
        figures.cancelled = figures.cancelled || sink.cancelled();
        return figures;
    };
    m_slot->start(std::move(work), [this](SelectionFigures result) {
        if (result.cancelled)
            return; // a newer selection is on its way
        releaseInBackground(std::exchange(m_figures, std::make_shared<const SelectionFigures>(std::move(result))));
        Q_EMIT updated();
    });
}

} // namespace hs
