// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountspage.h"

#include "viewtables.h"
#include "job.h"
#include "lazyupdate.h"
#include "tablepanel.h"
#include "timeutil.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hs {

AccountsPage::AccountsPage(SelectionState* selection, SelectionJob* figures, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_figures(figures)
{
    m_accounts = new TablePanel(tr("Accounts"), this);
    m_accounts->setObjectName(QStringLiteral("accountsTable"));
    // Most active first; the proxy keeps the reviewer's own choice of column across selections.
    m_accounts->view()->sortByColumn(6, Qt::DescendingOrder);
    m_clusters = new TablePanel(tr("Clusters"), this);
    m_clusters->view()->sortByColumn(2, Qt::DescendingOrder); // the biggest (hydra) cluster first
    m_linked = new TablePanel(tr("Accounts linked by shared indicators"), this);
    m_accessPaths = new TablePanel(tr("Access paths: share of each group's accounts"), this);
    m_countries = new TablePanel(tr("Countries: share of each group's accounts"), this);
    auto* tabs = m_tabs = new QTabWidget(this);
    tabs->addTab(m_clusters, tr("Clusters"));
    tabs->addTab(m_linked, tr("Linked accounts"));
    tabs->addTab(m_accessPaths, tr("Access paths"));
    tabs->addTab(m_countries, tr("Countries"));
    auto* split = m_split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_accounts);
    split->addWidget(tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    m_accountsUpdate = new LazyUpdate(this, [this] { updateAccounts(); });
    m_mixesUpdate = new LazyUpdate(this, [this] { updateMixes(); });
    m_tablesJob = new JobSlot(this);
    connect(m_figures, &SelectionJob::updated, m_accountsUpdate, &LazyUpdate::request);
    connect(m_selection, &SelectionState::changed, m_mixesUpdate, &LazyUpdate::request);
}

bool AccountsPage::isUpdatePending() const
{
    return m_accountsUpdate->isPending() || m_mixesUpdate->isPending();
}

void AccountsPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    // Nothing of the previous investigation stays on screen until the new tables arrive: it may
    // be the unredacted original of a presentation's copy.
    for (TablePanel* panel : {m_accounts, m_clusters, m_linked})
        panel->setTable(TableData{});
    // Grouping every account by shared indicators takes tens of milliseconds at full scale: a job
    // (job.h), so that opening a file never stalls the window, started after the selection's
    // figures, which take both of the pool's threads and are what the reviewer waits for. The
    // newest investigation wins.
    m_tablesJob->cancel();
    const quint64 generation = ++m_tablesGeneration;
    connect(m_figures, &SelectionJob::updated, this, [this, generation] { buildTables(generation); },
            Qt::SingleShotConnection);
    m_mixGroups.reset();
    m_mixesUpdate->request();
}

void AccountsPage::buildTables(quint64 generation)
{
    if (generation != m_tablesGeneration || !m_inv)
        return;
    using Tables = std::pair<TableData, TableData>;
    auto work = [inv = m_inv](const ProgressSink& sink) {
        Tables tables;
        tables.first = clustersTable(*inv);
        if (!sink.cancelled())
            tables.second = linkedAccountsTable(*inv);
        return tables;
    };
    m_tablesJob->start(std::move(work), [this](Tables tables) {
        m_clusters->setTable(std::move(tables.first));
        m_linked->setTable(std::move(tables.second));
    });
}

void AccountsPage::updateAccounts()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures || !figures->accountsTable)
        return;
    const Selection& s = figures->selection;
    m_accounts->setTable(figures->accountsTable);
    QString note;
    if (s.range)
        note = tr("Exchanges and first/last seen within %1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to));
    if (!figures->exact)
        note += tr(" (whole UTC days; model and capability filters not applied: this file has no exact columns)");
    m_accounts->setNote(note);
}

// The mixes depend on the selected groups only (all accounts, whatever the range): a new range,
// model or capability leaves them as they are.
void AccountsPage::updateMixes()
{
    if (!m_inv || m_mixGroups == m_selection->current().groups)
        return;
    m_mixGroups = m_selection->current().groups;
    m_accessPaths->setTable(attributeMixTable(*m_inv, m_selection->current(), false));
    m_countries->setTable(attributeMixTable(*m_inv, m_selection->current(), true));
}

// Filters by the name the evidence gives the id (names are what the tables show).
void AccountsPage::showCluster(std::optional<std::int64_t> clusterId)
{
    QString name;
    if (m_inv && clusterId)
        for (const ClusterInfo& c : m_inv->clusters)
            if (c.id == *clusterId)
                name = c.name;
    m_clusters->setFilterText(name);
    m_accounts->setFilterText(name); // the cluster's accounts
}

void AccountsPage::showAccount(std::int64_t accountId)
{
    if (!m_inv)
        return;
    for (const AccountInfo& a : m_inv->accounts)
        if (a.id == accountId)
            m_accounts->setFilterText(a.externalRef);
}

PageState AccountsPage::viewState() const
{
    PageState state;
    for (const TablePanel* panel : {m_accounts, m_clusters, m_linked, m_accessPaths, m_countries})
        state.tables.push_back(panel->viewState());
    state.splitters = {splitterState(m_split)};
    state.values = {m_tabs->currentIndex()};
    return state;
}

void AccountsPage::restoreViewState(const PageState& state)
{
    const std::vector<TablePanel*> panels{m_accounts, m_clusters, m_linked, m_accessPaths, m_countries};
    for (std::size_t i = 0; i < panels.size() && i < state.tables.size(); ++i)
        panels[i]->restoreViewState(state.tables[i]);
    if (!state.splitters.empty())
        m_split->restoreState(state.splitters.front());
    if (!state.values.isEmpty())
        m_tabs->setCurrentIndex(state.values.front().toInt());
}

void AccountsPage::setPresenting(bool on)
{
    m_presenting = on;
    if (on)
        fitSmallTablesSoon(this, {m_clusters->view(), m_accessPaths->view(), m_countries->view()}, &m_presenting);
}

} // namespace hs
