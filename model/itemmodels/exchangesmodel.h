// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The individual exchanges of the current selection, read lazily from the evidence file a page at
// a time by rowid (the evidence has no other index): never all rows in memory at once. Which rows
// belong to the selection comes from the exchange columns (SelectionFigures::matches). Pages are
// read by a job (job.h), never on the GUI thread: the model grows when a page arrives.

#include "investigation.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace hs {

class JobSlot;

class ExchangesModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Time, Account, Campaign, Model, Capability, Template, PromptTokens, CompletionTokens, Cot, ColumnCount };
    static constexpr int kPage = 200;

    explicit ExchangesModel(QObject* parent = nullptr);
    ~ExchangesModel() override;

    // The selection's exchanges: positions into inv's columns, in id order (shared, not copied:
    // 16 million rows would otherwise cost 130 MB of ids). The evidence is opened read-only.
    void setRows(std::shared_ptr<const Investigation> inv, std::shared_ptr<const std::vector<std::uint32_t>> positions);
    std::size_t totalRows() const { return m_total; }
    QString error() const { return m_error; } // why reading stopped, once a page failed
    bool isFetching() const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;
    bool canFetchMore(const QModelIndex& parent) const final;
    void fetchMore(const QModelIndex& parent) final;

    struct Row
    {
        std::int64_t id = 0, ts = 0, account = 0, model = 0;
        std::optional<std::int64_t> capability, tmpl, promptTokens, completionTokens, cot;
    };
    struct Page
    {
        std::vector<Row> rows;
        QString error;
    };
    struct Reader; // one evidence file's connection, used by one page job at a time

Q_SIGNALS:
    void errorChanged(); // a page could not be read: error() says why, and no more are fetched

private:
    QString cell(const Row& row, int column) const;
    void addPage(std::size_t from, Page page);

    JobSlot* m_pages;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<Reader> m_reader;
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
