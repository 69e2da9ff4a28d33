// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One streaming pass over `exchanges`, split over id ranges and worker threads, each with its own
// read-only connection. Every row is folded into per-thread aggregate tables, merged at the end.

#include "aggregates.h"
#include "columns.h"
#include "findings.h"
#include "idindex.h"
#include "progress.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace hs {

// One exchange's columns as read: id, ts, account_id, model_id, capability_id, template_id,
// cot_elicitation; type is SQLite's storage class (SQLITE_INTEGER, SQLITE_NULL, ...).
constexpr int kScanColumns = 7;
struct RowValues
{
    int type[kScanColumns];
    std::int64_t value[kScanColumns];
};

struct Release
{
    std::int64_t at = 0;
    std::uint32_t model = 0;
};

struct ScanInput
{
    QString path;
    bool hasCapability = false; // optional columns present in exchanges
    bool hasTemplate = false;
    bool hasCot = false;
    bool idIsKey = true; // exchanges.id is the integer primary key: range scans are cheap
    IdIndex accountIndex, modelIndex, capabilityIndex, templateIndex;
    std::vector<std::uint32_t> accountGroup; // per account index: group or kNoIndex
    std::vector<std::uint8_t> groupTemplates; // per group: fold its accounts' prompt families (lifecycle)
    std::uint32_t accountCount = 0;
    std::uint32_t groupCount = 0;        // campaigns + baseline
    std::uint32_t templateCount = 0;
    std::uint32_t modelCount = 0;        // dangling model ids map to this index
    std::uint32_t unclassified = 0;      // capability index of "unclassified"
    std::vector<Release> releases;       // sorted by time
    int threads = 0;                     // 0: one per core, at most 4
    bool keepColumns = false;            // also build ExchangeColumns (the dashboard wants them)
    std::int64_t idBase = 0;             // the smallest exchange id (columns keep ids as offsets)
    std::uint32_t rootPage = 0;          // set: try reading the table's pages directly (btreereader.h)
    int recordIndex[kScanColumns] = {};  // each column's place in the record, for the direct reader
};

struct ScanOutput
{
    bool ok = false;
    bool cancelled = false;
    bool corrupt = false;   // SQLite's quick_check found damage (error says what)
    bool direct = false;    // read by the direct page reader (its checks passed)
    QString error;          // a failure of SQLite itself (corruption, I/O)
    std::int64_t rows = 0;  // every row read
    Aggregates aggregates;
    std::shared_ptr<const ExchangeColumns> columns; // when asked for and every row fits
    Findings findings;      // type errors (errors), dangling references (warnings)
};

ScanOutput scanExchanges(const ScanInput& input, const ProgressSink& progress);

} // namespace hs
