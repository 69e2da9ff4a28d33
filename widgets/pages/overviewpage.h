// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Overview: the investigation at a glance. Summary cards (exchanges, accounts, campaigns,
// pivots, the largest cluster) over a sortable table of campaigns and the baseline.

#include "analysis.h"
#include "viewstate.h"

#include <QWidget>

#include <memory>

class QGridLayout;
class QLabel;
class QTableView;

namespace hs {

class CampaignTableModel;

class OverviewPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget* parent = nullptr);
    void setResults(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis);
    QTableView* table() const { return m_table; }
    QString cardText(int index) const; // for tests: "value\ncaption"

    PageState viewState() const final { return {{tableState(m_table)}, {}, {}}; }
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

private:
    void setCard(int index, const QString& value, const QString& caption);

    CampaignTableModel* m_model;
    QTableView* m_table;
    QList<QLabel*> m_values, m_captions;
    bool m_presenting = false;
};

} // namespace hs
