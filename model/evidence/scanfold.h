// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Inside the exchange scan (scan.cpp): what one worker folds each row into, and how the workers'
// accumulators become Aggregates, columns and findings. Not a public interface of model/.

#include "daymatrix.h"
#include "flattable.h"
#include "investigation.h"
#include "scan.h"

#include <array>
#include <atomic>
#include <memory>
#include <vector>

struct sqlite3_stmt;

namespace hs::scanfold {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

struct HourValue
{
    std::uint32_t exchanges = 0;
    std::uint32_t cot = 0;
};

struct ReleaseValue
{
    std::uint64_t all = 0;
    std::uint64_t onModel = 0;
};

// Rows whose value in one column has the wrong storage class.
struct TypeProblem
{
    std::uint64_t count = 0;
    std::int64_t firstRow = -1;
    int foundType = 0;
};

enum Col { ColId, ColTs, ColAccount, ColModel, ColCapability, ColTemplate, ColCot, ColCount };
static_assert(ColCount == kScanColumns);

// The columns of one chunk's rows; concatenated in chunk order at the end.
struct ChunkColumns
{
    std::vector<std::uint32_t> id, ts, account;
    std::vector<std::uint16_t> kind, tmpl;
};

// Everything one worker folds rows into; merged into the first worker's at the end. Aligned to
// cache lines: the workers' accumulators sit side by side in one vector, and a line shared by one
// thread's per-row counter and another's table pointer cost 70% more CPU (measured, 2 threads).
struct alignas(64) Accumulator
{
    FlatTable<HourValue> hours;        // t = hour, a = group, b = model, c = capability
    DayMatrix dayTemplates;            // column = group * templateCount + template
    DayMatrix dayAccounts;             // column = account
    FlatTable<ReleaseValue> releases;  // t = release index, a = group, b = hour k - 1
    std::vector<AccountTotals> accounts;
    AccountTemplates accountTemplates; // campaign accounts only (the replacement figure)
    Aggregates dangling;               // only the dangling counters are used
    TypeProblem types[ColCount];
    TypeProblem tsRange;               // ts outside kMinTime..kMaxTime (timeutil.h)
    std::int64_t rows = 0;
    std::uint32_t templateCount = 0;

    void merge(const Accumulator& o);
};

class Worker
{
public:
    Worker(const ScanInput& in, Accumulator& acc, std::atomic<bool>& columnsFit)
        : m_in(in), m_acc(acc), m_columnsFit(columnsFit) {}
    // Rows are folded kBatch at a time: the account's totals and prompt-family word of every row
    // in the batch are prefetched first, so their cache misses overlap instead of stalling each
    // row in turn (rows come in id order, accounts at random). flush() folds what is left; the
    // order of folding is the order of rows.
    void add(const RowValues& row)
    {
        m_batch[m_pending++] = row;
        if (m_pending == kBatch)
            flush();
    }
    void flush();
    void setChunkColumns(ChunkColumns* columns)
    {
        flush(); // the rows read so far belong to the previous chunk's columns
        m_columns = columns;
    }

private:
    static constexpr std::size_t kBatch = 16;
    // A row's account and prompt family as indexes (IdIndex::kMissing when absent or not an
    // integer), looked up once by prefetch() and used by fold().
    struct Resolved
    {
        std::uint32_t account = IdIndex::kMissing;
        std::uint32_t tmpl = IdIndex::kMissing;
    };
    Resolved prefetch(const RowValues& row) const;
    // Whether the accounts of `group` have their prompt families folded (the lifecycle figures).
    bool foldsFamilies(std::uint32_t group) const
    {
        return group < m_in.groupTemplates.size() && m_in.groupTemplates[group];
    }
    void fold(const RowValues& row, const Resolved& resolved);
    bool checkType(int col, bool nullable);
    void foldReleases(std::int64_t ts, std::uint32_t group, std::uint32_t model);
    void keep(std::int64_t ts, std::uint32_t account, std::uint32_t model, std::uint32_t capability,
              std::uint32_t cot, std::uint32_t tmpl);
    const ScanInput& m_in;
    Accumulator& m_acc;
    std::atomic<bool>& m_columnsFit;
    ChunkColumns* m_columns = nullptr;
    const RowValues* m_row = nullptr;
    std::array<RowValues, kBatch> m_batch{};
    std::array<Resolved, kBatch> m_resolved{};
    std::size_t m_pending = 0;
};

// The columns of one row from a statement, each read once.
void readRow(sqlite3_stmt* st, RowValues& row);

// The merged accumulator into the scan's output.
void fillAggregates(Accumulator& acc, Aggregates& out); // first: it resets the aggregates
void fillReleases(const Accumulator& acc, const ScanInput& in, Aggregates& out);
std::shared_ptr<const ExchangeColumns> concatenate(std::vector<ChunkColumns>& chunks, std::int64_t idBase);
void reportTypeProblems(const Accumulator& acc, Findings& findings);

} // namespace hs::scanfold
