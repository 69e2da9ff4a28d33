// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan.h"

#include "btreereader.h"
#include "evidencedb.h"
#include "integritycheck.h"
#include "job.h"
#include "scanfold.h"

#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace hs {
namespace {

using namespace scanfold;

QString selectSql(const ScanInput& in, bool ranged)
{
    QString sql = QStringLiteral("SELECT id, ts, account_id, model_id, ");
    sql += in.hasCapability ? QStringLiteral("capability_id, ") : QStringLiteral("NULL, ");
    sql += in.hasTemplate ? QStringLiteral("template_id, ") : QStringLiteral("NULL, ");
    sql += in.hasCot ? QStringLiteral("cot_elicitation") : QStringLiteral("NULL");
    sql += QStringLiteral(" FROM exchanges");
    if (ranged)
        sql += QStringLiteral(" WHERE id >= ?1 AND id <= ?2");
    return sql;
}

struct Chunk
{
    std::int64_t lo = 0;
    std::int64_t hi = 0;
};

// Shared state of one scan: the chunk queue, progress, the first failure.
struct ScanState
{
    ScanState(const ScanInput& in, const ProgressSink& sink) : input(in), progress(sink) {}
    const ScanInput& input;
    const ProgressSink& progress;
    std::vector<Chunk> chunks;
    bool ranged = true;
    double totalSpan = 1;
    std::atomic<std::size_t> nextChunk{0};
    std::atomic<std::int64_t> doneSpan{0};
    std::atomic<bool> stop{false};
    std::atomic<bool> columnsFit{true};
    const BtreeReader* pages = nullptr; // set: chunks are ranges of leaf pages, read directly
    std::atomic<bool> pagesFailed{false};
    std::vector<ChunkColumns> chunkColumns; // one per chunk when columns are kept
    std::mutex errorMutex;
    QString error;

    void fail(const QString& message)
    {
        std::lock_guard lock(errorMutex);
        if (error.isEmpty())
            error = message;
        stop = true;
    }
    bool shouldStop() const { return stop.load(std::memory_order_relaxed) || progress.cancelled(); }
};

void runWorker(ScanState& s, Accumulator& acc)
{
    QString error;
    auto db = EvidenceDb::open(s.input.path, &error);
    if (!db)
        return s.fail(error);
    Statement st = db->prepare(selectSql(s.input, s.ranged), &error);
    if (!st.isValid())
        return s.fail(error);
    Worker worker(s.input, acc, s.columnsFit);
    for (std::size_t c = s.nextChunk++; c < s.chunks.size() && !s.shouldStop(); c = s.nextChunk++) {
        const Chunk chunk = s.chunks[c];
        ChunkColumns* columns = s.input.keepColumns && s.columnsFit ? &s.chunkColumns[c] : nullptr;
        if (columns && s.ranged) {
            // Ids are usually dense: the id span is the row count, so the vectors never regrow.
            const auto rows = static_cast<std::size_t>(std::min<std::int64_t>(chunk.hi - chunk.lo + 1, 1 << 24));
            columns->id.reserve(rows);
            columns->ts.reserve(rows);
            columns->account.reserve(rows);
            columns->kind.reserve(rows);
            columns->tmpl.reserve(rows);
        }
        worker.setChunkColumns(columns);
        st.reset();
        if (s.ranged) {
            st.bind(1, chunk.lo);
            st.bind(2, chunk.hi);
        }
        std::int64_t reported = chunk.lo;
        std::uint32_t tick = 0;
        RowValues values{};
        while (st.next()) {
            readRow(st.handle(), values);
            worker.add(values);
            if (++tick == 32768) {
                tick = 0;
                if (s.shouldStop())
                    return;
                const std::int64_t id = sqlite3_column_int64(st.handle(), ColId);
                if (s.ranged && id > reported) {
                    s.doneSpan += id - reported;
                    reported = id;
                }
                s.progress.report(QStringLiteral("Reading exchanges"), s.doneSpan / s.totalSpan);
            }
        }
        if (st.failed())
            return s.fail(st.error());
        worker.flush();
        s.doneSpan += chunk.hi - reported + (s.ranged ? 1 : 0);
    }
}

// Rows straight from the B-tree pages into the worker.
class FoldSink final : public RowSink
{
public:
    FoldSink(Worker& worker, const ScanState& state) : m_worker(worker), m_state(state) {}
    void row(const RowValues& values) final { m_worker.add(values); }
    bool stop() const final { return m_state.shouldStop(); }

private:
    Worker& m_worker;
    const ScanState& m_state;
};

void runPageWorker(ScanState& s, Accumulator& acc)
{
    Worker worker(s.input, acc, s.columnsFit);
    FoldSink sink(worker, s);
    for (std::size_t c = s.nextChunk++; c < s.chunks.size() && !s.shouldStop(); c = s.nextChunk++) {
        const Chunk chunk = s.chunks[c];
        worker.setChunkColumns(s.input.keepColumns && s.columnsFit ? &s.chunkColumns[c] : nullptr);
        if (!s.pages->read(static_cast<std::size_t>(chunk.lo), static_cast<std::size_t>(chunk.hi), sink)) {
            s.pagesFailed = true; // the caller reads again through SQLite
            s.stop = true;
            return;
        }
        worker.flush();
        s.doneSpan += chunk.hi - chunk.lo;
        s.progress.report(QStringLiteral("Reading exchanges"), s.doneSpan / s.totalSpan);
    }
}

std::vector<Chunk> makeChunks(std::int64_t lo, std::int64_t hi, int threads)
{
    // Many more chunks than threads: the queue balances uneven id density and gives progress.
    // The span is an unsigned distance: ids may cover the whole int64 range.
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1; // 0: all 2^64
    const std::uint64_t wanted = span == 0 ? std::uint64_t(32 * threads) : span / 100000;
    const std::uint64_t count = std::clamp<std::uint64_t>(wanted, 1, std::uint64_t(32 * threads));
    const std::uint64_t step = span == 0 ? (~std::uint64_t(0) / count) : span / count;
    std::vector<Chunk> chunks;
    for (std::uint64_t i = 0; i < count; ++i) {
        const auto a = static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + step * i);
        const std::int64_t b = (i + 1 == count) ? hi : static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + step * (i + 1) - 1);
        chunks.push_back({a, b});
    }
    return chunks;
}

// Leaf pages in slices: many more than threads, for balance and progress.
void planPageChunks(ScanState& state, int threads)
{
    const auto leaves = static_cast<std::int64_t>(state.pages->leafCount());
    const std::int64_t count = std::clamp<std::int64_t>(leaves / 64, 1, 32 * threads);
    for (std::int64_t i = 0; i < count; ++i)
        state.chunks.push_back({leaves * i / count, leaves * (i + 1) / count});
    state.totalSpan = std::max<double>(1, double(leaves));
}

ScanOutput runScan(const ScanInput& input, const ProgressSink& progress, const BtreeReader* pages, int threads,
                   bool* pagesFailed)
{
    ScanOutput out;
    ScanState state(input, progress);
    state.pages = pages;
    QString error;
    auto db = EvidenceDb::open(input.path, &error);
    if (!db) {
        out.error = error;
        return out;
    }
    // Two queries: SQLite answers a lone min() or max() of the key from the B-tree's edge, but
    // "SELECT min(id), max(id)" in one statement scans the whole table.
    Statement low = db->prepare(QStringLiteral("SELECT min(id) FROM exchanges"), &error);
    Statement high = db->prepare(QStringLiteral("SELECT max(id) FROM exchanges"), &error);
    if (!low.next() || !high.next()) {
        out.error = low.failed() ? low.error() : high.failed() ? high.error() : error;
        return out;
    }
    const bool empty = low.isNull(0);
    if (pages)
        planPageChunks(state, threads);
    else if (empty)
        state.chunks.push_back({0, 0}); // empty table: one pass finds nothing
    else if (input.idIsKey)
        state.chunks = makeChunks(low.integer(0), high.integer(0), threads);
    else
        state.chunks.push_back({low.integer(0), high.integer(0)});
    state.ranged = input.idIsKey && !empty && !pages;
    if (input.keepColumns)
        state.chunkColumns.resize(state.chunks.size());
    if (!empty && !pages)
        state.totalSpan = std::max(1.0, double(high.integer(0)) - double(low.integer(0)) + 1);
    db.reset();

    std::vector<Accumulator> accs(static_cast<std::size_t>(threads));
    for (Accumulator& a : accs) {
        a.accounts.resize(input.accountCount);
        a.dayAccounts = DayMatrix(input.accountCount);
        a.dayTemplates = DayMatrix(std::uint64_t(input.groupCount) * input.templateCount);
        a.templateCount = input.templateCount;
        a.accountTemplates = AccountTemplates(input.accountGroup, input.groupTemplates, input.templateCount);
    }
    const auto work = pages ? runPageWorker : runWorker;
    // Workers take chunks from one queue: one that the pool starts late finds less (or nothing) left.
    runInParallel(accs.size(), [&](std::size_t t) { work(state, accs[t]); });
    if (state.pagesFailed) {
        *pagesFailed = true;
        return out;
    }

    if (progress.cancelled()) {
        out.cancelled = true;
        return out;
    }
    if (!state.error.isEmpty()) {
        out.error = state.error;
        return out;
    }
    for (std::size_t t = 1; t < accs.size(); ++t)
        accs[0].merge(accs[t]);
    out.rows = accs[0].rows;
    reportTypeProblems(accs[0], out.findings);
    if (input.keepColumns && state.columnsFit)
        out.columns = concatenate(state.chunkColumns, input.idBase);
    fillAggregates(accs[0], out.aggregates); // first: it resets the aggregates
    fillReleases(accs[0], input, out.aggregates);
    out.ok = true;
    return out;
}

} // namespace

ScanOutput scanExchanges(const ScanInput& input, const ProgressSink& progress)
{
    const int threads = input.threads > 0 ? input.threads
                                          : std::clamp(QThread::idealThreadCount(), 1, 4);
    BtreeReader pages;
    QString why;
    const bool direct = input.rootPage > 0 && pages.open(input.path, input.rootPage, input.recordIndex, &why);
    bool pagesFailed = false;
    ScanOutput out;
    if (direct)
        out = runScan(input, progress, &pages, threads, &pagesFailed);
    if (direct && !pagesFailed) {
        out.direct = true;
        return out;
    }
    // Through SQLite: its range reads trust the B-tree, so its own check of the file comes first.
    QString problem;
    switch (quickCheckFile(input.path, progress, &problem)) {
    case CheckResult::Cancelled:
        out = {};
        out.cancelled = true;
        return out;
    case CheckResult::Corrupt:
        out = {};
        out.corrupt = true;
        out.error = QStringLiteral("SQLite's quick_check calls the file corrupt: %1").arg(problem);
        return out;
    case CheckResult::Ok:
        break;
    }
    return runScan(input, progress, nullptr, threads, &pagesFailed);
}

} // namespace hs
