// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectdata.h"

#include <sqlite3.h>

#include <unordered_map>

namespace hs::detect {

namespace {

std::string text(sqlite3_stmt* st, int column)
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return p ? std::string(p, std::size_t(sqlite3_column_bytes(st, column))) : std::string();
}

} // namespace

bool readDetectData(const RowReader& read, DetectData* data, std::string* error)
{
    std::unordered_map<std::int64_t, std::int32_t> accounts, models, capabilities, families;
    bool ok = read("SELECT id, external_ref FROM accounts ORDER BY id", [&](sqlite3_stmt* st) {
        accounts.emplace(sqlite3_column_int64(st, 0), std::int32_t(data->accountIds.size()));
        data->accountIds.push_back(sqlite3_column_int64(st, 0));
        data->accountRefs.push_back(text(st, 1));
    });
    ok = ok && read("SELECT id, name, released_at FROM models ORDER BY id", [&](sqlite3_stmt* st) {
        models.emplace(sqlite3_column_int64(st, 0), std::int32_t(data->modelNames.size()));
        data->modelNames.push_back(text(st, 1));
        data->modelReleases.push_back(sqlite3_column_int64(st, 2));
    });
    ok = ok && read("SELECT id, name FROM capabilities ORDER BY id", [&](sqlite3_stmt* st) {
        capabilities.emplace(sqlite3_column_int64(st, 0), std::int32_t(data->capabilityNames.size()));
        data->capabilityNames.push_back(text(st, 1));
    });
    if (!ok || data->modelNames.size() > 65535 || data->capabilityNames.size() > 254) {
        *error = ok ? "more models or capabilities than detection handles (65,535 and 254)" : "cannot read the investigation";
        return false;
    }
    const auto unclassified = std::uint8_t(data->capabilityNames.size());
    data->capabilityNames.push_back("unclassified");
    bool dangling = false;
    ok = read("SELECT ts, account_id, model_id, capability_id, template_id, cot_elicitation FROM exchanges", [&](sqlite3_stmt* st) {
        const auto a = accounts.find(sqlite3_column_int64(st, 1));
        const auto m = models.find(sqlite3_column_int64(st, 2));
        if (a == accounts.end() || m == models.end()) {
            dangling = true;
            return;
        }
        data->ts.push_back(sqlite3_column_int64(st, 0));
        data->account.push_back(a->second);
        data->model.push_back(std::uint16_t(m->second));
        const auto c = sqlite3_column_type(st, 3) == SQLITE_NULL ? capabilities.end() : capabilities.find(sqlite3_column_int64(st, 3));
        data->capability.push_back(c == capabilities.end() ? unclassified : std::uint8_t(c->second));
        std::int32_t family = -1;
        if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
            const std::int64_t t = sqlite3_column_int64(st, 4);
            const auto [it, inserted] = families.emplace(t, std::int32_t(data->templateIds.size()));
            if (inserted)
                data->templateIds.push_back(t);
            family = it->second;
        }
        data->family.push_back(family);
        data->cot.push_back(sqlite3_column_int64(st, 5) != 0 ? 1 : 0);
    });
    ok = ok && read("SELECT account_id, kind, value FROM indicators", [&](sqlite3_stmt* st) {
        const auto a = accounts.find(sqlite3_column_int64(st, 0));
        if (a != accounts.end())
            data->indicators.push_back({a->second, text(st, 1), text(st, 2)});
    });
    if (!ok || dangling) {
        *error = ok ? "an exchange names an account or model that does not exist" : "cannot read the investigation";
        return false;
    }
    return true;
}

} // namespace hs::detect
