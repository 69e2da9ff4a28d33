// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Overview: the investigation at a glance. Summary cards (exchanges, accounts, campaigns,
// pivots, the largest cluster) over a sortable table of campaigns and the baseline. Both follow
// the selection (its groups, range, model and capability: figures from the selection job); the
// title says what they are of.

#include "analysis.h"
#include "selectionjob.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QGridLayout;
class QLabel;
class QDialog;
class QPushButton;
class QTableView;

namespace hs {

class CampaignCompareView;
class CampaignTableModel;
class TablePanel;

class OverviewPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    explicit OverviewPage(SelectionJob* figures, QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis);
    QTableView* table() const { return m_table; }
    QString cardText(int index) const; // for tests: "value\ncaption"
    QString titleText() const;         // for tests: what the figures are of
    // The details of the campaigns chosen in the table (one: its details; two or more: side by side).
    TablePanel* details() const { return m_details; }
    // Two or more chosen: "Compare as charts..." shows their comparison in a window of its own.
    CampaignCompareView* comparison() const { return m_compare; }
    QPushButton* compareButton() const { return m_compareButton; }

    PageState viewState() const final { return {{tableState(m_table)}, {}, {}}; }
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

private:
    void setCard(int index, const QString& value, const QString& caption);
    void showFigures(); // of the selection job's newest figures
    void showAnalysis(const Analysis& analysis, const Selection& selection, bool exact);
    void showDetails();
    void openComparison();

    std::shared_ptr<const Analysis> m_shown; // what the cards and table show
    Selection m_shownSelection;
    TablePanel* m_details;
    CampaignCompareView* m_compare;
    QDialog* m_compareWindow;
    QPushButton* m_compareButton;
    SelectionJob* m_figures;
    std::shared_ptr<const Investigation> m_inv;
    QLabel* m_title;
    CampaignTableModel* m_model;
    QTableView* m_table;
    QList<QLabel*> m_values, m_captions;
    bool m_presenting = false;
};

} // namespace hs
