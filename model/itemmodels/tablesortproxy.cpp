// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablesortproxy.h"

#include "tablemodel.h"

namespace hs {

bool TableSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* model = static_cast<const TableModel*>(sourceModel());
    const std::optional<bool> less = model->numericLess(left.row(), right.row(), left.column());
    return less ? *less : QSortFilterProxyModel::lessThan(left, right);
}

} // namespace hs
