// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablemodel.h"

#include "backgroundrelease.h"

namespace hs {

void TableModel::setTable(TableData data)
{
    setTable(std::make_shared<const TableData>(std::move(data)));
}

void TableModel::setTable(std::shared_ptr<const TableData> data)
{
    beginResetModel();
    std::shared_ptr<const TableData> old = std::exchange(m_data, data ? std::move(data) : std::make_shared<const TableData>());
    endResetModel();
    releaseInBackground(std::move(old));
}

std::optional<bool> TableModel::numericLess(int rowA, int rowB, int column) const
{
    const auto a = static_cast<std::size_t>(rowA), b = static_cast<std::size_t>(rowB), c = static_cast<std::size_t>(column);
    if (a >= m_data->sortKey.size() || b >= m_data->sortKey.size() || c >= m_data->sortKey[a].size() ||
        c >= m_data->sortKey[b].size())
        return std::nullopt;
    const QVariant& x = m_data->sortKey[a][c];
    const QVariant& y = m_data->sortKey[b][c];
    if (!x.isValid() || x.metaType() != y.metaType())
        return std::nullopt;
    switch (x.metaType().id()) {
    case QMetaType::ULongLong: return *static_cast<const qulonglong*>(x.constData()) < *static_cast<const qulonglong*>(y.constData());
    case QMetaType::LongLong: return *static_cast<const qlonglong*>(x.constData()) < *static_cast<const qlonglong*>(y.constData());
    case QMetaType::Double: return *static_cast<const double*>(x.constData()) < *static_cast<const double*>(y.constData());
    default: return std::nullopt;
    }
}

int TableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_data->text.size());
}

int TableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_data->headers.size());
}

QVariant TableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const auto column = static_cast<std::size_t>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return m_data->text[row][column];
    case SortRole:
        if (row < m_data->sortKey.size() && column < m_data->sortKey[row].size() && m_data->sortKey[row][column].isValid())
            return m_data->sortKey[row][column];
        return m_data->text[row][column];
    case Qt::TextAlignmentRole:
        return (column < m_data->numeric.size() && m_data->numeric[column]) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                           : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        // Tooltips guess rich text from the content: escape, so evidence text stays literal.
        if (row >= m_data->tooltip.size() || m_data->tooltip[row].isEmpty())
            return {};
        return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(m_data->tooltip[row].toHtmlEscaped());
    default:
        return {};
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_data->headers.size())
        return {};
    return m_data->headers.at(section);
}

} // namespace hs
