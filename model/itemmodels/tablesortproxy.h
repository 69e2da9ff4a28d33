// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The sort and filter proxy in front of every TableModel. Sorting asks for two keys per
// comparison: it reads them straight from the table, without an index and a QVariant copy each
// (tens of milliseconds at 28,000 rows otherwise). Equal keys keep the table's order, so the
// order shown depends on the table and the sort column alone, never on the sort before.

#include <QSortFilterProxyModel>

namespace hs {

class TableSortProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const final;
};

} // namespace hs
