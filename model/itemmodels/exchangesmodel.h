// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The individual exchanges of the current selection, read lazily from the evidence file a page at
// a time by rowid (the evidence has no other index): never all rows in memory at once. Which rows
// belong to the selection comes from the exchange columns (SelectionFigures::matches).

#include "evidencedb.h"
#include "investigation.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace hs {

class ExchangesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Time, Account, Campaign, Model, Capability, Template, PromptTokens, CompletionTokens, Cot, ColumnCount };
    static constexpr int kPage = 200;

    using QAbstractTableModel::QAbstractTableModel;
    ~ExchangesModel() override;

    // The selection's exchanges: positions into inv's columns, in id order (shared, not copied:
    // 16 million rows would otherwise cost 130 MB of ids). The evidence is opened read-only.
    void setRows(std::shared_ptr<const Investigation> inv, std::shared_ptr<const std::vector<std::uint32_t>> positions);
    std::size_t totalRows() const { return m_total; }
    QString error() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;
    bool canFetchMore(const QModelIndex& parent) const final;
    void fetchMore(const QModelIndex& parent) final;

private:
    struct Row
    {
        std::int64_t id = 0, ts = 0, account = 0, model = 0;
        std::optional<std::int64_t> capability, tmpl, promptTokens, completionTokens, cot;
    };
    QString cell(const Row& row, int column) const;
    void fetchPage();
    bool m_fetchQueued = false;

    std::shared_ptr<const Investigation> m_inv;
    std::unique_ptr<EvidenceDb> m_db;
    std::shared_ptr<const std::vector<std::uint32_t>> m_positions;
    std::size_t m_total = 0;
    std::vector<Row> m_rows; // the pages fetched so far
    struct Index
    {
        QHash<std::int64_t, std::uint32_t> accounts, models, capabilities, templates;
    } m_index; // ids to indexes, built once per investigation
    QString m_error;
};

} // namespace hs
