// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionjob.h"

#include "viewtables.h"
#include "backgroundrelease.h"

namespace hs {

SelectionJob::SelectionJob(SelectionState* selection, QObject* parent)
    : QObject(parent), m_selection(selection), m_slot(new JobSlot(this))
{
    connect(m_selection, &SelectionState::changed, this, &SelectionJob::start);
}

SelectionJob::~SelectionJob() = default; // the slot cancels a running pass and does not wait for it

void SelectionJob::setInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    start();
}

void SelectionJob::start()
{
    if (!m_inv)
        return;
    // Each stage looks at the flag: a newer selection stops this one within milliseconds.
    auto work = [inv = m_inv, selection = m_selection->current()](const ProgressSink& sink) {
        SelectionFigures figures = computeSelectionFigures(*inv, selection, sink.cancelFlag());
        if (!figures.cancelled && !sink.cancelled())
            figures.accountsTable = std::make_shared<const TableData>(accountsTable(*inv, selection, figures));
        if (!figures.cancelled && !sink.cancelled())
            figures.familiesTable = std::make_shared<const TableData>(familiesTable(*inv, selection, figures));
        if (!figures.cancelled && !sink.cancelled())
            figures.repetitionTable = std::make_shared<const TableData>(repetitionTable(*inv, selection, figures));
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
