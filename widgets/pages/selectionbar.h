// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The toolbar over the shared selection: which campaigns, which model, which capability, the time
// range (set on the timeline), back and forward through earlier selections.

#include "investigation.h"
#include "selection.h"

#include <QToolBar>

#include <memory>

class QComboBox;
class QLabel;
class QToolButton;

namespace hs {

class SelectionBar final : public QToolBar
{
    Q_OBJECT
public:
    SelectionBar(SelectionState* selection, QWidget* parent = nullptr);
    void setInvestigation(std::shared_ptr<const Investigation> inv);
    QToolButton* groupsButton() const { return m_campaigns; }
    QAction* clearAllAction() const { return m_clearAll; }
    QAction* clearRangeAction() const { return m_clearRange; }
    QAction* accountAction() const { return m_account; } // shown while one account filters
    // One line for the status bar: "Campaigns: 2 of 3 · 2026-01-27 14:00 to ... · model atlas-3".
    QString summary() const;

Q_SIGNALS:
    void summaryChanged(const QString& summary);

protected:
    void changeEvent(QEvent* event) override; // a new font: the groups button's width follows
    bool eventFilter(QObject* watched, QEvent* event) override; // the groups menu stays open while ticking

private:
    void fitCampaignsButton();
    void fromSelection();
    void campaignsChosen();
    QString groupName(std::uint32_t group) const;

    SelectionState* m_selection;
    std::shared_ptr<const Investigation> m_inv;
    QToolButton* m_campaigns;
    QComboBox* m_model;
    QComboBox* m_capability;
    QLabel* m_range;
    QAction* m_clearRange;
    QAction* m_account;
    QAction* m_clearAll;
    QAction* m_back;
    QAction* m_forward;
};

} // namespace hs
