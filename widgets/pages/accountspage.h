// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Accounts & infrastructure: the selection's accounts; clusters and what they mix; accounts linked
// by shared indicators; access paths and countries per campaign against the baseline.

#include "selection.h"
#include "selectionjob.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QSplitter;
class QTabWidget;

namespace hs {

class JobSlot;
class LazyUpdate;
class TablePanel;

class AccountsPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    AccountsPage(SelectionState* selection, SelectionJob* figures, QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv);
    TablePanel* accounts() const { return m_accounts; }
    TablePanel* clusters() const { return m_clusters; }
    TablePanel* linked() const { return m_linked; }
    bool isUpdatePending() const; // for tests: hidden, it waits to be shown
    // Narrows the clusters and accounts tables to one cluster (evidence id); none: every row.
    void showCluster(std::optional<std::int64_t> clusterId);
    void showAccount(std::int64_t accountId); // the accounts table narrowed to it

    PageState viewState() const final;
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

private:
    void updateAccounts();
    void buildTables(quint64 generation); // clusters and linked accounts, on a worker
    void updateMixes();

    SelectionState* m_selection;
    SelectionJob* m_figures;
    std::shared_ptr<const Investigation> m_inv;
    LazyUpdate* m_accountsUpdate;
    LazyUpdate* m_mixesUpdate;
    std::optional<std::vector<bool>> m_mixGroups; // the groups the mix tables show
    quint64 m_tablesGeneration = 0;               // the newest clusters and linked-accounts tables
    JobSlot* m_tablesJob;                         // builds them
    TablePanel* m_accounts;
    TablePanel* m_clusters;
    TablePanel* m_linked;
    TablePanel* m_accessPaths;
    TablePanel* m_countries;
    QSplitter* m_split = nullptr;
    QTabWidget* m_tabs = nullptr;
    bool m_presenting = false;
};

} // namespace hs
