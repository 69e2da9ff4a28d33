// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// LiteLLM's spend logs read straight from its PostgreSQL database (libpq): the
// "LiteLLM_SpendLogs" table through a server-side cursor ordered by "startTime", fetched a page
// at a time, so the table is never loaded whole. Each row is read like a row of LiteLLM's CSV
// export (the same column names and field map), with only the columns the map names selected.

#include "fieldmap.h"
#include "logreader.h"
#include "readissues.h"

#include <atomic>
#include <optional>
#include <string>

namespace hs::logimport {

// True for "postgresql://..." and "postgres://..." (a libpq connection URI).
bool isPostgresUri(const std::string& input);
// The URI without its password, for messages and meta.source.
std::string redactedUri(const std::string& uri);

struct PostgresRead
{
    bool ok = false;
    bool cancelled = false;
    std::string error;  // names the database (without the password) and what failed
    FileReport report;
};

// `map`: LiteLLM's map with any --map overrides. `from`/`to` become the cursor's WHERE clause.
PostgresRead readLiteLlmPostgres(const std::string& uri, int fileIndex, const FieldMap& map,
                                 std::optional<std::int64_t> from, std::optional<std::int64_t> to,
                                 const LogReader::Sink& sink, ReadIssues* issues, const std::atomic<bool>* cancel = nullptr);

} // namespace hs::logimport
