// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Accounts & infrastructure: the selection's accounts; clusters and what they mix; accounts linked
// by shared indicators; access paths and countries per campaign against the baseline. Every table
// counts the accounts of the selected groups active in the selection (the selection job's).

#include "selection.h"
#include "selectionjob.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QSplitter;
class QTabWidget;

namespace hs {

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
    void showIndicator(const QString& text);   // the accounts table narrowed to it (indicatorText())
    TablePanel* accessPaths() const { return m_accessPaths; }
    TablePanel* countries() const { return m_countries; }

    // The account of the accounts table's current row (evidence index), if any.
    std::optional<std::uint32_t> currentAccount() const;

    PageState viewState() const final;
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

Q_SIGNALS:
    // The accounts table's context menu (the window acts on them).
    void annotateAccountRequested(std::int64_t accountId);
    void timelineRequested(std::uint32_t account);
    void exchangesRequested(const QString& externalRef);
    // The accounts table's current account changed (an account index, or kNoIndex for none):
    // the "Why flagged" dock follows it.
    void accountChosen(std::uint32_t account);

private:
    void addAccountActions();
    void updateAccounts();

    SelectionState* m_selection;
    SelectionJob* m_figures;
    std::shared_ptr<const Investigation> m_inv;
    LazyUpdate* m_accountsUpdate;
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
