// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablemodel.h"

#include "backgroundrelease.h"

#include <bit>

namespace hs {

void TableModel::setTable(TableData data)
{
    setTable(std::make_shared<const TableData>(std::move(data)));
}

void TableModel::setTable(std::shared_ptr<const TableData> data)
{
    beginResetModel();
    std::shared_ptr<const TableData> old = std::exchange(m_data, data ? std::move(data) : std::make_shared<const TableData>());
    m_columnKeys.clear();
    endResetModel();
    releaseInBackground(std::move(old));
}

const TableModel::ColumnKeys& TableModel::columnKeys(std::size_t column) const
{
    if (m_columnKeys.size() != static_cast<std::size_t>(m_data->headers.size()))
        m_columnKeys.resize(static_cast<std::size_t>(m_data->headers.size()));
    std::unique_ptr<ColumnKeys>& keys = m_columnKeys[column];
    if (keys)
        return *keys;
    keys = std::make_unique<ColumnKeys>();
    const std::size_t rows = m_data->sortKey.size();
    keys->type.assign(rows, ColumnKeys::None);
    keys->value.assign(rows, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        if (column >= m_data->sortKey[r].size())
            continue;
        const QVariant& v = m_data->sortKey[r][column];
        switch (v.metaType().id()) {
        case QMetaType::LongLong:
            keys->type[r] = ColumnKeys::Signed;
            keys->value[r] = static_cast<std::uint64_t>(*static_cast<const qlonglong*>(v.constData()));
            break;
        case QMetaType::ULongLong:
            keys->type[r] = ColumnKeys::Unsigned;
            keys->value[r] = *static_cast<const qulonglong*>(v.constData());
            break;
        case QMetaType::Double:
            keys->type[r] = ColumnKeys::Real;
            keys->value[r] = std::bit_cast<std::uint64_t>(*static_cast<const double*>(v.constData()));
            break;
        default:
            break;
        }
    }
    return *keys;
}

std::optional<bool> TableModel::numericLess(int rowA, int rowB, int column) const
{
    if (column < 0 || column >= m_data->headers.size())
        return std::nullopt;
    const ColumnKeys& keys = columnKeys(static_cast<std::size_t>(column));
    const auto a = static_cast<std::size_t>(rowA), b = static_cast<std::size_t>(rowB);
    if (a >= keys.type.size() || b >= keys.type.size() || keys.type[a] != keys.type[b])
        return std::nullopt;
    const std::uint64_t x = keys.value[a], y = keys.value[b];
    switch (keys.type[a]) {
    case ColumnKeys::Signed: return static_cast<std::int64_t>(x) < static_cast<std::int64_t>(y);
    case ColumnKeys::Unsigned: return x < y;
    case ColumnKeys::Real: return std::bit_cast<double>(x) < std::bit_cast<double>(y);
    default: return std::nullopt;
    }
}

QString TableModel::shownText(const QString& text)
{
    if (text.size() <= kShownCharacters)
        return text;
    qsizetype cut = kShownCharacters;
    if (text.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return text.left(cut) + QChar(0x2026);
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
        return shownText(m_data->text[row][column]);
    case FullTextRole:
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
