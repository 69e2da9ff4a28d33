// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Recomputes SelectionFigures on a worker thread whenever the selection changes; the newest
// selection wins (an older computation is cancelled and its result dropped). Results arrive on
// the owner's thread, shared by every view that needs them.

#include "selection.h"
#include "selectionfigures.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace hs {

class SelectionJob final : public QObject
{
    Q_OBJECT
public:
    SelectionJob(SelectionState* selection, QObject* parent = nullptr);
    ~SelectionJob() override;

    void setInvestigation(std::shared_ptr<const Investigation> inv);
    std::shared_ptr<const SelectionFigures> figures() const { return m_figures; }
    bool isRunning() const { return m_running > 0; }

Q_SIGNALS:
    void updated(); // figures() holds the figures of the current selection

private:
    void start();

    SelectionState* m_selection;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const SelectionFigures> m_figures;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    int m_running = 0;
};

} // namespace hs
