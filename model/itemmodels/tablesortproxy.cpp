// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablesortproxy.h"

#include "tablemodel.h"

namespace hs {

bool TableSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* model = static_cast<const TableModel*>(sourceModel());
    const int column = left.column();
    const std::optional<bool> less = model->numericLess(left.row(), right.row(), column);
    if (less ? *less : QSortFilterProxyModel::lessThan(left, right))
        return true;
    const std::optional<bool> greater = model->numericLess(right.row(), left.row(), column);
    if (greater ? *greater : QSortFilterProxyModel::lessThan(right, left))
        return false;
    // Equal keys keep the table's own order, in either direction. QSortFilterProxyModel sorts the
    // rows in the order it shows them, so without this, ties would keep whatever order the
    // previous sort column left: one table, two orders, depending on what was clicked before.
    return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
}

} // namespace hs
