// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recomputes SelectionFigures as a job (job.h) whenever the selection changes; the newest
// selection wins (an older computation is cancelled and its result dropped). Results arrive on
// the owner's thread, shared by every view that needs them.

#include "job.h"
#include "selection.h"
#include "analysis.h"
#include "selectionfigures.h"

#include <QObject>

#include <memory>

namespace hs {

class SelectionJob final : public QObject
{
    Q_OBJECT
public:
    SelectionJob(SelectionState* selection, QObject* parent = nullptr);
    ~SelectionJob() override;

    // The whole investigation's figures are what the selection's are cut from (pivots,
    // lifecycles); without them the job computes them once itself.
    void setInvestigation(std::shared_ptr<const Investigation> inv, std::shared_ptr<const Analysis> analysis = {});
    std::shared_ptr<const SelectionFigures> figures() const { return m_figures; }
    bool isRunning() const { return m_slot->isRunning(); }

    struct Base; // what every selection of one investigation shares, computed once on the pool

Q_SIGNALS:
    void updated(); // figures() holds the figures of the current selection

private:
    void start();

    SelectionState* m_selection;
    JobSlot* m_slot;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<Base> m_base;
    std::shared_ptr<const SelectionFigures> m_figures;
};

} // namespace hs
