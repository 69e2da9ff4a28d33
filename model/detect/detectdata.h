// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What detection reads of an investigation, in memory and compact: the exchanges as columns
// (about 20 bytes each: 16.55 million fit in about 330 MB), the accounts, models, capability
// names and indicators. Dense indexes instead of ids: account i is accounts.id i + 1 when the
// ids are 1..n, as the import writes them; `accountIds` maps back in general.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

struct sqlite3_stmt;

namespace hs::detect {

struct DetectData
{
    // Exchanges, one entry each, in the columns' order.
    std::vector<std::int64_t> ts;
    std::vector<std::int32_t> account;    // dense account index
    std::vector<std::int32_t> family;     // dense family index, -1 for none (template_id NULL)
    std::vector<std::uint16_t> model;     // dense model index
    std::vector<std::uint8_t> capability; // dense capability index (the last one: unclassified)
    std::vector<std::uint8_t> cot;

    std::vector<std::int64_t> accountIds;
    std::vector<std::string> accountRefs;
    std::vector<std::int64_t> templateIds;   // by dense family index
    std::vector<std::string> modelNames;
    std::vector<std::int64_t> modelReleases; // released_at
    std::vector<std::string> capabilityNames; // the last is "unclassified"

    struct Indicator
    {
        std::int32_t account;
        std::string kind, value;
    };
    std::vector<Indicator> indicators;
};

// Runs `sql` and calls row() for each row; false when the query fails. (The investigation
// writer's forEachRow, or a plain SQLite connection's.)
using RowReader = std::function<bool(const char* sql, const std::function<void(sqlite3_stmt*)>& row)>;

bool readDetectData(const RowReader& read, DetectData* data, std::string* error);

} // namespace hs::detect
