// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewstate.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QTimer>

namespace hs {

TableState tableState(const QTableView* view)
{
    return {view->horizontalHeader()->saveState(), {}, view->horizontalHeader()->count()};
}

void restoreTableState(QTableView* view, const TableState& state)
{
    QHeaderView* header = view->horizontalHeader();
    if (state.header.isEmpty() || !header->restoreState(state.header))
        return;
    if (view->isSortingEnabled()) // the header keeps the indicator; the model is sorted by the view
        view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

QByteArray splitterState(const QSplitter* splitter) { return splitter->saveState(); }

void fitSmallTablesSoon(QObject* context, QList<QTableView*> tables, const bool* stillPresenting)
{
    QList<QPointer<QTableView>> guarded;
    for (QTableView* t : tables)
        guarded << t;
    QTimer::singleShot(0, context, [guarded, stillPresenting] {
        if (!*stillPresenting)
            return;
        for (const QPointer<QTableView>& table : guarded)
            if (table && table->model() && table->model()->rowCount() <= 200)
                table->resizeColumnsToContents();
    });
}

} // namespace hs
