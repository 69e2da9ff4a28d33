// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A read-only table of display text and sort keys: the one model behind the dashboard's plain
// tables (accounts, clusters, linked accounts, mixes, families). Builders fill a TableData from
// model/ figures; the model only shows it. Text is shown as given: never interpreted as markup.

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

namespace hs {

// Sort keys as the types QSortFilterProxyModel can order: std::uint64_t is `unsigned long` on
// Linux, which QVariant cannot compare, and the column would sort as text ("99" above "9,676").
inline QVariant sortKey(unsigned long long v) { return QVariant(qulonglong(v)); }
inline QVariant sortKey(unsigned long v) { return QVariant(qulonglong(v)); }
inline QVariant sortKey(long long v) { return QVariant(qlonglong(v)); }
inline QVariant sortKey(long v) { return QVariant(qlonglong(v)); }
inline QVariant sortKey(double v) { return QVariant(v); }

struct TableData
{
    QStringList headers;
    std::vector<bool> numeric;                 // per column: right-aligned, sorted by number
    std::vector<std::vector<QString>> text;    // [row][column]
    std::vector<std::vector<QVariant>> sortKey; // [row][column]; empty: sort by text
    std::vector<QString> tooltip;              // per row, optional
};

class TableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(TableData data);
    void setTable(std::shared_ptr<const TableData> data); // built elsewhere (a worker): no copy
    const TableData& table() const { return *m_data; }
    // Compares two rows' sort keys in `column` when both are numbers of the same type (none when
    // they are not): a fast path for sorting proxies, same order as comparing the SortRole values.
    std::optional<bool> numericLess(int rowA, int rowB, int column) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;

private:
    std::shared_ptr<const TableData> m_data = std::make_shared<const TableData>();
};

} // namespace hs
