// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanfold.h"

#include "sqlitestatement.h"
#include "timeutil.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>

namespace hs::scanfold {
namespace {

const char* const kColumnNames[ColCount] = {"id", "ts", "account_id", "model_id",
                                            "capability_id", "template_id", "cot_elicitation"};

void noteDangling(std::uint64_t& count, std::int64_t& first, std::int64_t row)
{
    if (count++ == 0 || row < first)
        first = row;
}

} // namespace

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
    accountTemplates.merge(o.accountTemplates);
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
    if (o.tsRange.count && (tsRange.count == 0 || o.tsRange.firstRow < tsRange.firstRow))
        tsRange.firstRow = o.tsRange.firstRow;
    tsRange.count += o.tsRange.count;
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

void Worker::flush()
{
    for (std::size_t i = 0; i < m_pending; ++i)
        m_resolved[i] = prefetch(m_batch[i]);
    for (std::size_t i = 0; i < m_pending; ++i)
        fold(m_batch[i], m_resolved[i]);
    m_pending = 0;
}

// Looks the row's account and family up (once: fold() uses them) and starts loading the lines
// fold() will miss on: the account's totals, its day's counter and its family word. A row that
// fold() refuses costs a wasted lookup.
Worker::Resolved Worker::prefetch(const RowValues& values) const
{
    Resolved r;
    if (values.type[ColTemplate] == SQLITE_INTEGER)
        r.tmpl = m_in.templateIndex.find(values.value[ColTemplate]);
    if (values.type[ColAccount] != SQLITE_INTEGER)
        return r;
    r.account = m_in.accountIndex.find(values.value[ColAccount]);
    if (r.account >= m_acc.accounts.size())
        return r;
    __builtin_prefetch(&m_acc.accounts[r.account], 1);
    if (values.type[ColTs] == SQLITE_INTEGER && timeInRange(values.value[ColTs]))
        if (const std::uint32_t* cell = m_acc.dayAccounts.cell(floorDiv(values.value[ColTs], kDay), r.account))
            __builtin_prefetch(cell, 1);
    const std::uint32_t group = m_in.accountGroup[r.account];
    if (foldsFamilies(group))
        if (const std::uint64_t* word = m_acc.accountTemplates.word(r.account, group, r.tmpl))
            __builtin_prefetch(word, 1);
    return r;
}

// The hot loop body: one row into every aggregate.
void Worker::fold(const RowValues& values, const Resolved& resolved)
{
    m_row = &values;
    const std::int64_t row = m_row->value[ColId];
    ++m_acc.rows;
    if (!checkType(ColTs, false) || !checkType(ColAccount, false) || !checkType(ColModel, false))
        return;
    const std::int64_t ts = m_row->value[ColTs];
    if (!timeInRange(ts)) {
        if (m_acc.tsRange.count++ == 0 || row < m_acc.tsRange.firstRow)
            m_acc.tsRange.firstRow = row;
        return;
    }
    const std::uint32_t account = resolved.account; // the account column is an integer here
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
        const std::int64_t rawTemplate = m_row->value[ColTemplate];
        tmpl = resolved.tmpl;
        const bool record = foldsFamilies(group);
        if (tmpl == IdIndex::kMissing) {
            noteDangling(d.danglingTemplateRows, d.firstDanglingTemplateRow, row);
            if (record)
                m_acc.accountTemplates.addRaw(account, rawTemplate);
        } else {
            m_acc.dayTemplates.add(day, std::uint64_t(group) * m_in.templateCount + tmpl);
            if (record)
                m_acc.accountTemplates.addKnown(account, group, tmpl, rawTemplate);
        }
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
        // it->at <= ts: the distance is exact as an unsigned number even across the whole int64 range.
        const std::uint64_t since = static_cast<std::uint64_t>(ts) - static_cast<std::uint64_t>(it->at);
        if (since >= std::uint64_t(kDay))
            break;
        const auto k = static_cast<std::uint32_t>(since / kHour);
        ReleaseValue& rv = m_acc.releases[{it - rel.begin(), group, k, 0}];
        ++rv.all;
        rv.onModel += (it->model == model) ? 1 : 0;
    }
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
    out.accountTemplates = std::move(acc.accountTemplates);
    out.accountTemplates.finish();
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
    const std::uint32_t* ts = out->ts.data.get();
    for (std::size_t b = 0; b < out->size; b += ExchangeColumns::kTsBlock) {
        const auto [lo, hi] = std::minmax_element(ts + b, ts + std::min(out->size, b + ExchangeColumns::kTsBlock));
        out->blockTs.emplace_back(*lo, *hi);
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
                      .arg(p.count).arg(sqliteTypeName(p.foundType), required ? QStringLiteral("a non-NULL") : QStringLiteral("NULL or an"))};
        findings.add(f);
    }
    if (acc.tsRange.count)
        findings.add({Severity::Error, QStringLiteral("out-of-range"), QStringLiteral("exchanges"), QStringLiteral("ts"),
                      acc.tsRange.firstRow, static_cast<qint64>(acc.tsRange.count),
                      QStringLiteral("%1 row(s) hold a time outside the years 0001 to 9999").arg(acc.tsRange.count)});
}
} // namespace hs::scanfold
