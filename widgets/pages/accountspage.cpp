// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountspage.h"

#include "viewtables.h"
#include "lazyupdate.h"
#include "tablepanel.h"
#include "timeutil.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
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
    connect(m_figures, &SelectionJob::updated, m_accountsUpdate, &LazyUpdate::request);
    addAccountActions();
    connect(m_accounts->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT accountChosen(currentAccount().value_or(kNoIndex)); });
    // An indicator's row opens its accounts: the accounts table shows each account's indicators,
    // so filtering it by the value finds every account that shares it.
    connect(m_linked->view(), &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        showIndicator(indicatorText(index.sibling(index.row(), kLinkedKindColumn).data().toString(),
                                    index.sibling(index.row(), kLinkedValueColumn).data().toString()));
    });
}

// Right-click on an account: annotate it, see it on the timeline (every view filtered to it), see
// its exchanges, copy its reference.
void AccountsPage::addAccountActions()
{
    QTableView* view = m_accounts->view();
    auto add = [this, view](const QString& text, auto act, const char* name = "") {
        auto* action = new QAction(text, view);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, [this, act] {
            if (const std::optional<std::uint32_t> a = currentAccount())
                act(*a);
        });
        view->addAction(action);
    };
    add(tr("Annotate this account..."), [this](std::uint32_t a) { Q_EMIT annotateAccountRequested(m_inv->accounts[a].id); });
    add(tr("Show on the timeline"), [this](std::uint32_t a) { Q_EMIT timelineRequested(a); }, "showOnTimeline");
    add(tr("Show its exchanges"), [this](std::uint32_t a) { Q_EMIT exchangesRequested(m_inv->accounts[a].externalRef); });
    add(tr("Copy reference"), [this](std::uint32_t a) { QGuiApplication::clipboard()->setText(m_inv->accounts[a].externalRef); });
}

std::optional<std::uint32_t> AccountsPage::currentAccount() const
{
    const QModelIndex current = m_accounts->view()->currentIndex();
    if (!m_inv || !current.isValid())
        return std::nullopt;
    const QString ref = current.sibling(current.row(), AccountRef).data().toString();
    for (std::uint32_t a = 0; a < m_inv->accounts.size(); ++a)
        if (m_inv->accounts[a].externalRef == ref)
            return a;
    return std::nullopt;
}

bool AccountsPage::isUpdatePending() const { return m_accountsUpdate->isPending(); }

void AccountsPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    // Nothing of the previous investigation stays on screen until the new tables arrive: it may
    // be the unredacted original of a presentation's copy.
    for (TablePanel* panel : {m_accounts, m_clusters, m_linked, m_accessPaths, m_countries})
        panel->setTable(TableData{});
}

void AccountsPage::showIndicator(const QString& value)
{
    m_accounts->setFilterText(value);
    m_accounts->view()->setFocus();
}

// Every table of the page comes from the selection job (one background pass per selection).
void AccountsPage::updateAccounts()
{
    const auto figures = m_figures->figures();
    if (!m_inv || !figures || !figures->accountsTable || !figures->clustersTable)
        return;
    const Selection& s = figures->selection;
    m_accounts->setTable(figures->accountsTable);
    m_clusters->setTable(figures->clustersTable);
    m_linked->setTable(figures->linkedTable);
    m_accessPaths->setTable(figures->accessPathsTable);
    m_countries->setTable(figures->countriesTable);
    QString note;
    if (s.range)
        note = tr("Exchanges and first/last seen within %1 to %2").arg(shortUtc(s.range->from), shortUtc(s.range->to));
    if (!figures->exact)
        note += tr(" (whole UTC days; model and capability filters not applied: this file has no exact columns)");
    m_accounts->setNote(note);
    const QString scope = figures->filtered()
        ? tr("Accounts of the selected groups active in the selection")
        : tr("Accounts of the selected groups");
    for (TablePanel* panel : {m_clusters, m_linked})
        panel->setNote(scope);
    for (TablePanel* panel : {m_accessPaths, m_countries})
        panel->setNote(scope + tr("; the organic baseline's for comparison"));
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
