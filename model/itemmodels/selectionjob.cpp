// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionjob.h"

#include "viewtables.h"
#include "backgroundrelease.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace hs {

SelectionJob::SelectionJob(SelectionState* selection, QObject* parent) : QObject(parent), m_selection(selection)
{
    connect(m_selection, &SelectionState::changed, this, &SelectionJob::start);
}

SelectionJob::~SelectionJob()
{
    if (m_cancel)
        *m_cancel = true;
    // A watcher whose result was taken (finished, awaiting deleteLater) holds a reset future
    // that would never report finished again: only wait for the ones still running.
    for (auto* watcher : findChildren<QFutureWatcher<SelectionFigures>*>())
        if (watcher->future().isValid())
            watcher->waitForFinished();
}

void SelectionJob::setInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    start();
}

void SelectionJob::start()
{
    if (!m_inv)
        return;
    if (m_cancel)
        *m_cancel = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    auto* watcher = new QFutureWatcher<SelectionFigures>(this);
    ++m_running;
    connect(watcher, &QFutureWatcher<SelectionFigures>::finished, this, [this, watcher, generation] {
        --m_running;
        watcher->deleteLater();
        SelectionFigures result = watcher->future().takeResult(); // moved, not copied
        if (generation != m_generation || result.cancelled)
            return; // a newer selection is on its way
        releaseInBackground(std::exchange(m_figures, std::make_shared<const SelectionFigures>(std::move(result))));
        Q_EMIT updated();
    });
    watcher->setFuture(QtConcurrent::run([inv = m_inv, selection = m_selection->current(), cancel = m_cancel] {
        SelectionFigures figures = computeSelectionFigures(*inv, selection, cancel.get());
        if (!figures.cancelled) {
            figures.accountsTable = std::make_shared<const TableData>(accountsTable(*inv, selection, figures));
            figures.familiesTable = std::make_shared<const TableData>(familiesTable(*inv, selection, figures));
            figures.repetitionTable = std::make_shared<const TableData>(repetitionTable(*inv, selection, figures));
        }
        return figures;
    }));
}

} // namespace hs
