// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A read-only table of display text and sort keys: the one model behind the dashboard's plain
// tables (accounts, clusters, linked accounts, mixes, families). Builders fill a TableData from
// model/ figures; the model only shows it. Text is shown as given: never interpreted as markup.

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include <cstdint>
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
    // The cell's whole text. The display role shows at most kShownCharacters of it, then "…": a
    // cell is never wider than the screen, and eliding a 300,000-character list of account
    // references shaped all of it at every paint (400 ms for one screen of the linked accounts).
    // Filtering, copying and saving read the whole text.
    static constexpr int FullTextRole = Qt::UserRole + 2;
    static constexpr qsizetype kShownCharacters = 500;
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(TableData data);
    void setTable(std::shared_ptr<const TableData> data); // built elsewhere (a worker): no copy
    const TableData& table() const { return *m_data; }
    // Compares two rows' sort keys in `column` when both are numbers of the same type (none when
    // they are not): a fast path for sorting proxies, same order as comparing the SortRole values.
    std::optional<bool> numericLess(int rowA, int rowB, int column) const;
    // What the display role shows of a cell's text (see FullTextRole).
    static QString shownText(const QString& text);

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;

private:
    // One column's numeric sort keys side by side, built at the first comparison in that column:
    // a sort then reads two array entries per comparison instead of two rows' QVariants (a cache
    // miss and a call into QtCore each: 80% of swapping a 3,000-row accounts table in).
    struct ColumnKeys
    {
        enum Type : std::uint8_t { None, Signed, Unsigned, Real };
        std::vector<std::uint8_t> type;   // per row
        std::vector<std::uint64_t> value; // per row, the key's bits
    };
    const ColumnKeys& columnKeys(std::size_t column) const;

    std::shared_ptr<const TableData> m_data = std::make_shared<const TableData>();
    mutable std::vector<std::unique_ptr<ColumnKeys>> m_columnKeys; // per column, for m_data
};

} // namespace hs
