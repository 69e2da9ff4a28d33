// SPDX-License-Identifier: GPL-3.0-or-later
#include "litellmpostgres.h"

#include "logrow.h"
#include "rowrequest.h"

#include <libpq-fe.h>

#include <array>
#include <memory>
#include <set>

namespace hs::logimport {

bool isPostgresUri(const std::string& input)
{
    return input.rfind("postgresql://", 0) == 0 || input.rfind("postgres://", 0) == 0;
}

std::string redactedUri(const std::string& uri)
{
    // scheme://user:password@host... -> scheme://user:***@host...
    const std::size_t scheme = uri.find("://");
    const std::size_t at = uri.find('@', scheme == std::string::npos ? 0 : scheme + 3);
    if (scheme == std::string::npos || at == std::string::npos)
        return uri;
    const std::size_t colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at)
        return uri;
    return uri.substr(0, colon + 1) + "***" + uri.substr(at);
}

namespace {

constexpr int kPage = 10000;

struct ConnDeleter
{
    void operator()(PGconn* c) const { PQfinish(c); }
};
struct ResultDeleter
{
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string quoteIdentifier(PGconn* conn, const std::string& name)
{
    char* q = PQescapeIdentifier(conn, name.c_str(), name.size());
    std::string out = q ? q : "\"\"";
    PQfreemem(q);
    return out;
}

} // namespace

PostgresRead readLiteLlmPostgres(const std::string& uri, int fileIndex, const FieldMap& map,
                                 std::optional<std::int64_t> from, std::optional<std::int64_t> to,
                                 const LogReader::Sink& sink, ReadIssues* issues, const std::atomic<bool>* cancel)
{
    PostgresRead out;
    const std::string name = redactedUri(uri);
    out.report.path = name;
    out.report.decision.format = LogFormat::LiteLlm;
    out.report.decision.reason = "LiteLLM's PostgreSQL database (table \"LiteLLM_SpendLogs\", a cursor by \"startTime\")";
    std::unique_ptr<PGconn, ConnDeleter> conn(PQconnectdb(uri.c_str()));
    auto fail = [&](const std::string& what) {
        out.error = name + ": " + what;
        return out;
    };
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
        return fail(std::string("cannot connect: ") + (conn ? PQerrorMessage(conn.get()) : "out of memory"));
    auto exec = [&](const std::string& sql) { return Result(PQexec(conn.get(), sql.c_str())); };
    // Times as ISO text in UTC, whatever the server's defaults.
    exec("SET DateStyle = 'ISO, YMD'");
    exec("SET TIME ZONE 'UTC'");

    // The columns the map reads (a path's first component), of those the table has.
    Result columns(PQexecParams(conn.get(),
                                "SELECT column_name FROM information_schema.columns WHERE table_name = $1 "
                                "AND table_schema = current_schema() ORDER BY ordinal_position",
                                1, nullptr, std::array<const char*, 1>{"LiteLLM_SpendLogs"}.data(), nullptr, nullptr, 0));
    if (PQresultStatus(columns.get()) != PGRES_TUPLES_OK)
        return fail(std::string("cannot list the columns: ") + PQerrorMessage(conn.get()));
    if (PQntuples(columns.get()) == 0)
        return fail("there is no table \"LiteLLM_SpendLogs\" in the current schema");
    std::set<std::string> wanted;
    for (const auto& paths : map.paths)
        for (const std::string& p : paths)
            wanted.insert(p.substr(0, p.find('.')));
    std::vector<std::string> header;
    std::string select;
    bool haveStart = false;
    for (int i = 0; i < PQntuples(columns.get()); ++i) {
        const std::string column = PQgetvalue(columns.get(), i, 0);
        haveStart = haveStart || column == "startTime";
        if (!wanted.count(column))
            continue;
        header.push_back(column);
        select += (select.empty() ? "" : ", ") + quoteIdentifier(conn.get(), column);
    }
    if (!haveStart)
        return fail("\"LiteLLM_SpendLogs\" has no \"startTime\" column");
    // Times as UTC text whatever the session's zone ("timestamp without time zone" is UTC in LiteLLM).
    std::string where;
    if (from)
        where += " WHERE \"startTime\" >= to_timestamp(" + std::to_string(*from) + ") AT TIME ZONE 'UTC'";
    if (to)
        where += std::string(where.empty() ? " WHERE" : " AND") + " \"startTime\" < to_timestamp(" + std::to_string(*to) +
                 ") AT TIME ZONE 'UTC'";
    Result begin = exec("BEGIN READ ONLY");
    if (PQresultStatus(begin.get()) != PGRES_COMMAND_OK)
        return fail(std::string("cannot begin: ") + PQerrorMessage(conn.get()));
    Result declare = exec("DECLARE hydrascope_spendlogs NO SCROLL CURSOR FOR SELECT " + select +
                          " FROM \"LiteLLM_SpendLogs\"" + where + " ORDER BY \"startTime\"");
    if (PQresultStatus(declare.get()) != PGRES_COMMAND_OK)
        return fail(std::string("cannot open a cursor: ") + PQerrorMessage(conn.get()));

    LogRow row;
    std::vector<std::string> cells(header.size());
    LogReader::Batch batch;
    std::int64_t rowNumber = 0;
    for (;;) {
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return fail("cancelled");
        }
        Result page = exec("FETCH " + std::to_string(kPage) + " FROM hydrascope_spendlogs");
        if (PQresultStatus(page.get()) != PGRES_TUPLES_OK)
            return fail(std::string("cannot fetch: ") + PQerrorMessage(conn.get()));
        const int rows = PQntuples(page.get());
        if (rows == 0)
            break;
        for (int r = 0; r < rows; ++r) {
            ++rowNumber;
            for (std::size_t c = 0; c < header.size(); ++c)
                cells[c].assign(PQgetvalue(page.get(), r, int(c)), std::size_t(PQgetlength(page.get(), r, int(c))));
            row.setCsv(&header, &cells);
            LogRequest request;
            request.file = fileIndex;
            request.line = rowNumber;
            const char* kind = nullptr;
            if (requestFromRow(row, map, &request, &kind))
                batch.push_back(std::move(request));
            else
                issues->add(std::string(kind) + " (database rows)", name, rowNumber);
            if (batch.size() >= LogReader::kBatch) {
                out.report.requests += std::int64_t(batch.size());
                sink(batch);
                batch.clear();
            }
        }
    }
    if (!batch.empty()) {
        out.report.requests += std::int64_t(batch.size());
        sink(batch);
    }
    exec("CLOSE hydrascope_spendlogs");
    exec("COMMIT");
    out.report.records = rowNumber;
    out.ok = true;
    return out;
}

} // namespace hs::logimport
