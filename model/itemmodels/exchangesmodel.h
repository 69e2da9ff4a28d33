// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The individual exchanges of the current selection, read lazily from the evidence file a page at
// a time by rowid (the evidence has no other index): never all rows in memory at once. Which rows
// belong to the selection comes from the exchange columns (SelectionFigures::matches, or a
// filtered, time-ordered list: exchangefilter.h). rowCount() is the true count from the start, so
// a view's scroll bar and Ctrl+End reach the last row; the pages a view asks for (data() of a row
// not read yet) are read by a job (job.h), never on the GUI thread, and announced by dataChanged.
// A bounded cache keeps the pages near those asked for last.

#include "investigation.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace hs {

class JobSlot;
class ProgressSink;

QString exchangeTime(std::int64_t ts); // "2026-02-11 14:37:05 UTC"

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
    bool isRowRead(int row) const;           // its page has arrived
    void requestRows(int first, int last);   // read the pages holding these rows (soon, in the background)
    static constexpr std::size_t kCachedPages = 64;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const final;

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

    // Saving the rows as CSV (spreadsheet-safe, csv.h), every one of them, in the model's order:
    // a job (job.h) that reads pages of its own connection, reports progress and stops when
    // cancelled; the file (QSaveFile) is written whole or not at all.
    struct CsvResult
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        std::size_t rows = 0;
    };
    std::function<CsvResult(const ProgressSink&)> csvJob(const QString& path) const;

Q_SIGNALS:
    void errorChanged(); // a page could not be read: error() says why, and no more are fetched
    void pageRead(int first, int last); // rows now readable

private:
    struct Index
    {
        QHash<std::int64_t, std::uint32_t> accounts, models, capabilities, templates;
    };
    static QString cell(const Investigation& inv, const Index& index, const Row& row, int column);
    QString cell(const Row& row, int column) const { return cell(*m_inv, m_index, row, column); }
    const Row* row(std::size_t row) const;
    void readWanted();
    void addPages(std::vector<std::size_t> pages, std::vector<Page> read);

    JobSlot* m_pages;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<Reader> m_reader;
    std::shared_ptr<const std::vector<std::uint32_t>> m_positions;
    std::size_t m_total = 0;
    std::map<std::size_t, std::vector<Row>> m_cache; // page number -> its rows
    std::vector<std::size_t> m_wanted;               // pages asked for, newest last
    bool m_readQueued = false;
    std::uint64_t m_generation = 0;                  // of the rows: a page of older rows is dropped
    Index m_index; // ids to indexes, built once per investigation
    QString m_error;
};

} // namespace hs
