// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan.h"

#include "btreereader.h"
#include "daymatrix.h"
#include "evidencedb.h"
#include "flattable.h"
#include "investigation.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

namespace hs {
namespace {

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
const char* const kColumnNames[ColCount] = {"id", "ts", "account_id", "model_id",
                                            "capability_id", "template_id", "cot_elicitation"};

void noteDangling(std::uint64_t& count, std::int64_t& first, std::int64_t row)
{
    if (count++ == 0 || row < first)
        first = row;
}

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
    Aggregates dangling;               // only the dangling counters are used
    TypeProblem types[ColCount];
    std::int64_t rows = 0;
    std::uint32_t templateCount = 0;

    void merge(const Accumulator& o);
};

void Accumulator::merge(const Accumulator& o)
{
    o.hours.forEach([this](const CellKey& k, const HourValue& v) {
        HourValue& mine = hours[k];
        mine.exchanges += v.exchanges;
        mine.cot += v.cot;
    });
    dayTemplates.merge(o.dayTemplates);
    dayAccounts.merge(o.dayAccounts);
    o.releases.forEach([this](const CellKey& k, const ReleaseValue& v) {
        releases[k].all += v.all;
        releases[k].onModel += v.onModel;
    });
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        AccountTotals& a = accounts[i];
        const AccountTotals& b = o.accounts[i];
        a.exchanges += b.exchanges;
        a.first = std::min(a.first, b.first);
        a.last = std::max(a.last, b.last);
    }
    auto add = [](std::uint64_t& c, std::int64_t& f, std::uint64_t oc, std::int64_t of) {
        if (oc == 0)
            return;
        f = (c == 0) ? of : std::min(f, of);
        c += oc;
    };
    const Aggregates& d = o.dangling;
    Aggregates& m = dangling;
    add(m.danglingAccountRows, m.firstDanglingAccountRow, d.danglingAccountRows, d.firstDanglingAccountRow);
    add(m.danglingModelRows, m.firstDanglingModelRow, d.danglingModelRows, d.firstDanglingModelRow);
    add(m.danglingCapabilityRows, m.firstDanglingCapabilityRow, d.danglingCapabilityRows,
        d.firstDanglingCapabilityRow);
    add(m.danglingTemplateRows, m.firstDanglingTemplateRow, d.danglingTemplateRows, d.firstDanglingTemplateRow);
    m.unattributedRows += d.unattributedRows;
    for (int c = 0; c < ColCount; ++c) {
        TypeProblem& t = types[c];
        const TypeProblem& ot = o.types[c];
        if (ot.count && (t.count == 0 || ot.firstRow < t.firstRow)) {
            t.firstRow = ot.firstRow;
            t.foundType = ot.foundType;
        }
        t.count += ot.count;
    }
    rows += o.rows;
}

// The columns of one row from a statement, read once each: sqlite3_column_value() enters SQLite's
// API layer once per column, where sqlite3_column_type() then sqlite3_column_int64() entered twice.
void readRow(sqlite3_stmt* st, RowValues& row)
{
    for (int c = 0; c < kScanColumns; ++c) {
        sqlite3_value* v = sqlite3_column_value(st, c);
        row.type[c] = sqlite3_value_type(v);
        row.value[c] = row.type[c] == SQLITE_INTEGER ? sqlite3_value_int64(v) : 0;
    }
}

class Worker
{
public:
    Worker(const ScanInput& in, Accumulator& acc, std::atomic<bool>& columnsFit)
        : m_in(in), m_acc(acc), m_columnsFit(columnsFit) {}
    void fold(const RowValues& row);
    void setChunkColumns(ChunkColumns* columns) { m_columns = columns; }

private:
    bool checkType(int col, bool nullable);
    void foldReleases(std::int64_t ts, std::uint32_t group, std::uint32_t model);
    void keep(std::int64_t ts, std::uint32_t account, std::uint32_t model, std::uint32_t capability,
              std::uint32_t cot, std::uint32_t tmpl);
    const ScanInput& m_in;
    Accumulator& m_acc;
    std::atomic<bool>& m_columnsFit;
    ChunkColumns* m_columns = nullptr;
    const RowValues* m_row = nullptr;
};

void Worker::keep(std::int64_t ts, std::uint32_t account, std::uint32_t model, std::uint32_t capability,
                  std::uint32_t cot, std::uint32_t tmpl)
{
    const std::int64_t id = m_row->value[ColId] - m_in.idBase;
    if (ts < 0 || ts > std::int64_t(0xffffffffu) || id < 0 || id > std::int64_t(0xffffffffu)) {
        m_columnsFit = false; // outside 1970..2106, or ids too far apart: no exact columns
        m_columns = nullptr;
        return;
    }
    m_columns->id.push_back(static_cast<std::uint32_t>(id));
    m_columns->ts.push_back(static_cast<std::uint32_t>(ts));
    m_columns->account.push_back(account);
    m_columns->kind.push_back(packKind(model, capability, cot));
    m_columns->tmpl.push_back(tmpl == kNoIndex ? kNoTemplate : static_cast<std::uint16_t>(tmpl));
}

bool Worker::checkType(int col, bool nullable)
{
    const int type = m_row->type[col];
    if (type == SQLITE_INTEGER || (nullable && type == SQLITE_NULL))
        return true;
    TypeProblem& p = m_acc.types[col];
    const std::int64_t row = m_row->value[ColId];
    if (p.count++ == 0 || row < p.firstRow) {
        p.firstRow = row;
        p.foundType = type;
    }
    return false;
}

// The hot loop body: one row into every aggregate.
void Worker::fold(const RowValues& values)
{
    m_row = &values;
    const std::int64_t row = m_row->value[ColId];
    ++m_acc.rows;
    if (!checkType(ColTs, false) || !checkType(ColAccount, false) || !checkType(ColModel, false))
        return;
    const std::int64_t ts = m_row->value[ColTs];
    const std::uint32_t account = m_in.accountIndex.find(m_row->value[ColAccount]);
    Aggregates& d = m_acc.dangling;
    if (account == IdIndex::kMissing) {
        noteDangling(d.danglingAccountRows, d.firstDanglingAccountRow, row);
        return;
    }
    std::uint32_t model = m_in.modelIndex.find(m_row->value[ColModel]);
    if (model == IdIndex::kMissing) {
        noteDangling(d.danglingModelRows, d.firstDanglingModelRow, row);
        model = m_in.modelCount;
    }
    std::uint32_t capability = m_in.unclassified;
    if (checkType(ColCapability, true) && m_row->type[ColCapability] == SQLITE_INTEGER) {
        capability = m_in.capabilityIndex.find(m_row->value[ColCapability]);
        if (capability == IdIndex::kMissing) {
            noteDangling(d.danglingCapabilityRows, d.firstDanglingCapabilityRow, row);
            capability = m_in.unclassified;
        }
    }
    const std::uint32_t cot = (checkType(ColCot, true) && m_row->value[ColCot] != 0) ? 1 : 0;

    AccountTotals& at = m_acc.accounts[account];
    ++at.exchanges;
    at.first = std::min(at.first, ts);
    at.last = std::max(at.last, ts);
    const std::int64_t day = floorDiv(ts, kDay);
    m_acc.dayAccounts.add(day, account);

    const std::uint32_t group = m_in.accountGroup[account];
    if (group == kNoIndex) {
        ++d.unattributedRows;
        return;
    }
    HourValue& hv = m_acc.hours[{floorDiv(ts, kHour), group, model, capability}];
    ++hv.exchanges;
    hv.cot += cot;

    std::uint32_t tmpl = kNoIndex;
    if (checkType(ColTemplate, true) && m_row->type[ColTemplate] == SQLITE_INTEGER) {
        tmpl = m_in.templateIndex.find(m_row->value[ColTemplate]);
        if (tmpl == IdIndex::kMissing)
            noteDangling(d.danglingTemplateRows, d.firstDanglingTemplateRow, row);
        else
            m_acc.dayTemplates.add(day, std::uint64_t(group) * m_in.templateCount + tmpl);
    }
    foldReleases(ts, group, model);
    if (m_columns)
        keep(ts, account, model, capability, cot, tmpl);
}

// Release windows [at, at + 24 h) that contain ts: releases are sorted by time.
void Worker::foldReleases(std::int64_t ts, std::uint32_t group, std::uint32_t model)
{
    const auto& rel = m_in.releases;
    auto it = std::upper_bound(rel.begin(), rel.end(), ts, [](std::int64_t t, const Release& r) { return t < r.at; });
    while (it != rel.begin()) {
        --it;
        if (ts - it->at >= kDay)
            break;
        const auto k = static_cast<std::uint32_t>((ts - it->at) / kHour);
        ReleaseValue& rv = m_acc.releases[{it - rel.begin(), group, k, 0}];
        ++rv.all;
        rv.onModel += (it->model == model) ? 1 : 0;
    }
}

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

QString typeName(int type)
{
    switch (type) {
    case SQLITE_NULL: return QStringLiteral("NULL");
    case SQLITE_TEXT: return QStringLiteral("TEXT");
    case SQLITE_FLOAT: return QStringLiteral("REAL");
    case SQLITE_BLOB: return QStringLiteral("BLOB");
    default: return QStringLiteral("INTEGER");
    }
}

} // namespace

namespace {

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
            worker.fold(values);
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
        s.doneSpan += chunk.hi - reported + (s.ranged ? 1 : 0);
    }
}

// Rows straight from the B-tree pages into the worker.
class FoldSink final : public RowSink
{
public:
    FoldSink(Worker& worker, const ScanState& state) : m_worker(worker), m_state(state) {}
    void row(const RowValues& values) final { m_worker.fold(values); }
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
        s.doneSpan += chunk.hi - chunk.lo;
        s.progress.report(QStringLiteral("Reading exchanges"), s.doneSpan / s.totalSpan);
    }
}

std::vector<Chunk> makeChunks(std::int64_t lo, std::int64_t hi, int threads)
{
    // Many more chunks than threads: the queue balances uneven id density and gives progress.
    const std::int64_t span = hi - lo + 1;
    const std::int64_t count = std::clamp<std::int64_t>(span / 100000, 1, 32 * threads);
    std::vector<Chunk> chunks;
    for (std::int64_t i = 0; i < count; ++i) {
        const std::int64_t a = lo + span / count * i;
        const std::int64_t b = (i + 1 == count) ? hi : lo + span / count * (i + 1) - 1;
        chunks.push_back({a, b});
    }
    return chunks;
}

void fillAggregates(Accumulator& acc, Aggregates& out)
{
    out = acc.dangling;
    out.hours.reserve(acc.hours.size());
    acc.hours.forEach([&](const CellKey& k, const HourValue& v) {
        out.hours.push_back({k.t, k.a, k.b, k.c, v.exchanges, v.cot});
    });
    std::sort(out.hours.begin(), out.hours.end(), [](const HourCell& x, const HourCell& y) {
        return std::tie(x.hour, x.group, x.model, x.capability) < std::tie(y.hour, y.group, y.model, y.capability);
    });
    const std::uint64_t templates = std::max<std::uint64_t>(1, acc.templateCount);
    // forEach visits (day, column) in order, so both vectors come out sorted.
    acc.dayTemplates.forEach([&](std::int64_t day, std::uint64_t column, std::uint32_t v) {
        out.dayTemplates.push_back({day, static_cast<std::uint32_t>(column / templates),
                                    static_cast<std::uint32_t>(column % templates), v});
    });
    acc.dayAccounts.forEach([&](std::int64_t day, std::uint64_t column, std::uint32_t v) {
        out.dayAccounts.push_back({day, static_cast<std::uint32_t>(column), v});
    });
    out.accounts = std::move(acc.accounts);
}

void fillReleases(const Accumulator& acc, const ScanInput& in, Aggregates& out)
{
    std::map<std::pair<std::uint32_t, std::uint32_t>, ReleaseWindowCounts> byModelGroup;
    acc.releases.forEach([&](const CellKey& k, const ReleaseValue& v) {
        const std::uint32_t model = in.releases[static_cast<std::size_t>(k.t)].model;
        ReleaseWindowCounts& r = byModelGroup[{model, k.a}];
        r.model = model;
        r.group = k.a;
        r.all[k.b] += v.all;
        r.onModel[k.b] += v.onModel;
    });
    for (const auto& entry : byModelGroup)
        out.releases.push_back(entry.second);
}

// Chunk columns into one set, freeing each chunk as it is copied: the peak stays near one copy.
std::shared_ptr<const ExchangeColumns> concatenate(std::vector<ChunkColumns>& chunks, std::int64_t idBase)
{
    auto out = std::make_shared<ExchangeColumns>();
    out->idBase = idBase;
    for (const ChunkColumns& c : chunks)
        out->size += c.ts.size();
    out->id.data.reset(new std::uint32_t[out->size]);
    out->ts.data.reset(new std::uint32_t[out->size]);
    out->account.data.reset(new std::uint32_t[out->size]);
    out->kind.data.reset(new std::uint16_t[out->size]);
    out->tmpl.data.reset(new std::uint16_t[out->size]);
    std::size_t at = 0;
    for (ChunkColumns& c : chunks) {
        std::copy(c.id.begin(), c.id.end(), out->id.data.get() + at);
        std::copy(c.ts.begin(), c.ts.end(), out->ts.data.get() + at);
        std::copy(c.account.begin(), c.account.end(), out->account.data.get() + at);
        std::copy(c.kind.begin(), c.kind.end(), out->kind.data.get() + at);
        std::copy(c.tmpl.begin(), c.tmpl.end(), out->tmpl.data.get() + at);
        at += c.ts.size();
        c = ChunkColumns{};
    }
    return out;
}

void reportTypeProblems(const Accumulator& acc, Findings& findings)
{
    for (int c = ColTs; c < ColCount; ++c) {
        const TypeProblem& p = acc.types[c];
        if (p.count == 0)
            continue;
        const QString column = QString::fromLatin1(kColumnNames[c]);
        const bool required = c <= ColModel;
        Finding f{Severity::Error, QStringLiteral("wrong-type"), QStringLiteral("exchanges"), column, p.firstRow,
                  static_cast<qint64>(p.count),
                  QStringLiteral("%1 row(s) hold %2 where %3 INTEGER is required")
                      .arg(p.count).arg(typeName(p.foundType), required ? QStringLiteral("a non-NULL") : QStringLiteral("NULL or an"))};
        findings.add(f);
    }
}

// Leaf pages in slices: many more than threads, for balance and progress.
void planPageChunks(ScanState& state, int threads)
{
    const auto leaves = static_cast<std::int64_t>(state.pages->leaves().size());
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
    }
    const auto work = pages ? runPageWorker : runWorker;
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, std::ref(state), std::ref(accs[static_cast<std::size_t>(t)]));
    work(state, accs[0]);
    for (std::thread& t : pool)
        t.join();
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
                                          : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
    BtreeReader pages;
    QString why;
    const bool direct = input.rootPage > 0 && pages.open(input.path, input.rootPage, input.recordIndex, &why);
    bool pagesFailed = false;
    ScanOutput out = runScan(input, progress, direct ? &pages : nullptr, threads, &pagesFailed);
    if (pagesFailed) // a page the direct reader does not expect: SQLite reads it (and names any corruption)
        out = runScan(input, progress, nullptr, threads, &pagesFailed);
    return out;
}

} // namespace hs
