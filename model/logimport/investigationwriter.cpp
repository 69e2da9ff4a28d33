// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationwriter.h"

#include "investigationschema.h"

#include <sqlite3.h>

#include <cstdio>
#include <iterator>
#include <random>
#include <unistd.h>

namespace hs::logimport {

namespace {

const char* const kHeldSamples = "CREATE TEMP TABLE held_sample(family INTEGER PRIMARY KEY, sample TEXT NOT NULL);";

void bindText(sqlite3_stmt* st, int i, const std::string& v)
{
    sqlite3_bind_text(st, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
}

void bindOptional(sqlite3_stmt* st, int i, std::int64_t v)
{
    if (v < 0)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}

void bindTextOrNull(sqlite3_stmt* st, int i, const std::string& v)
{
    if (v.empty())
        sqlite3_bind_null(st, i);
    else
        bindText(st, i, v);
}

} // namespace

InvestigationWriter::~InvestigationWriter()
{
    abandon();
}

bool InvestigationWriter::exec(const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_error = m_temp + ": " + (message ? message : "SQLite error");
    sqlite3_free(message);
    return false;
}

sqlite3_stmt* InvestigationWriter::prepare(const char* sql)
{
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK && m_error.empty())
        m_error = m_temp + ": " + sqlite3_errmsg(m_db);
    return st;
}

bool InvestigationWriter::step(sqlite3_stmt* st)
{
    if (!st)
        return false;
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE)
        return true;
    if (m_error.empty())
        m_error = m_temp + ": " + sqlite3_errmsg(m_db);
    return false;
}

bool InvestigationWriter::open(const std::string& path, std::string* error)
{
    m_path = path;
    std::random_device random;
    m_temp = path + ".part-" + std::to_string(::getpid()) + "-" + std::to_string(random() % 100000);
    if (sqlite3_open_v2(m_temp.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE,
                        nullptr) != SQLITE_OK) {
        *error = m_temp + ": cannot create: " + (m_db ? sqlite3_errmsg(m_db) : "out of memory");
        abandon();
        return false;
    }
    // Nothing to recover: a failed import deletes the file. Journal off and no syncs until the
    // end; finish() syncs once before the rename.
    if (!exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA cache_size=-65536;") ||
        !exec(schema::kFormat10Tables) || !exec(schema::kStatusChangedAtColumn) || !exec(kHeldSamples) || !exec("BEGIN")) {
        *error = m_error;
        abandon();
        return false;
    }
    m_exchange = prepare("INSERT INTO exchanges(ts, account_id, model_id, capability_id, prompt_tokens, "
                         "completion_tokens, template_id, cot_elicitation) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    m_hold = prepare("INSERT INTO temp.held_sample(family, sample) VALUES(?1, ?2)");
    m_promote = prepare("INSERT INTO templates(id, fingerprint, sample) "
                        "SELECT ?1, ?2, sample FROM temp.held_sample WHERE family = ?3");
    m_dropHeld = prepare("DELETE FROM temp.held_sample WHERE family = ?1");
    m_setTemplate = prepare("UPDATE exchanges SET template_id = ?1 WHERE id = ?2");
    for (const char* sql : {"INSERT INTO meta(key, value) VALUES(?1, ?2)",
                            "INSERT INTO models(id, name, released_at) VALUES(?1, ?2, ?3)",
                            "INSERT INTO capabilities(id, name, description) VALUES(?1, ?2, ?3)",
                            "INSERT INTO accounts(id, external_ref, campaign_id, cluster_id, created_at, country, "
                            "access_path, payment_fingerprint, status, status_changed_at) "
                            "VALUES(?1, ?2, NULL, NULL, ?3, ?4, ?5, ?6, ?7, ?8)",
                            "INSERT INTO indicators(id, account_id, kind, value) VALUES(?1, ?2, ?3, ?4)"})
        m_small.push_back(prepare(sql));
    if (!m_error.empty()) {
        *error = m_error;
        abandon();
        return false;
    }
    return true;
}

std::int64_t InvestigationWriter::addExchange(const ExchangeRow& row)
{
    sqlite3_stmt* st = m_exchange;
    sqlite3_bind_int64(st, 1, row.ts);
    sqlite3_bind_int64(st, 2, row.account);
    sqlite3_bind_int64(st, 3, row.model);
    sqlite3_bind_int64(st, 4, row.capability);
    bindOptional(st, 5, row.promptTokens);
    bindOptional(st, 6, row.completionTokens);
    bindOptional(st, 7, m_nextTemplate > 0 ? m_nextTemplate : -1);
    sqlite3_bind_int64(st, 8, row.cot ? 1 : 0);
    m_nextTemplate = 0;
    return step(st) ? sqlite3_last_insert_rowid(m_db) : 0;
}

bool InvestigationWriter::holdSample(int family, const std::string& sample)
{
    sqlite3_bind_int64(m_hold, 1, family);
    bindText(m_hold, 2, sample);
    return step(m_hold);
}

bool InvestigationWriter::promoteFamily(int family, std::int64_t templateId, const std::string& fingerprint,
                                        std::int64_t firstExchange)
{
    sqlite3_bind_int64(m_promote, 1, templateId);
    bindText(m_promote, 2, fingerprint);
    sqlite3_bind_int64(m_promote, 3, family);
    if (!step(m_promote))
        return false;
    sqlite3_bind_int64(m_dropHeld, 1, family);
    sqlite3_bind_int64(m_setTemplate, 1, templateId);
    sqlite3_bind_int64(m_setTemplate, 2, firstExchange);
    return step(m_dropHeld) && step(m_setTemplate);
}

bool InvestigationWriter::addMeta(const std::string& key, const std::string& value)
{
    bindText(m_small[0], 1, key);
    bindText(m_small[0], 2, value);
    return step(m_small[0]);
}

bool InvestigationWriter::addModel(std::int64_t id, const std::string& name, std::int64_t releasedAt)
{
    sqlite3_bind_int64(m_small[1], 1, id);
    bindText(m_small[1], 2, name);
    sqlite3_bind_int64(m_small[1], 3, releasedAt);
    return step(m_small[1]);
}

bool InvestigationWriter::addCapability(std::int64_t id, const std::string& name, const std::string& description)
{
    sqlite3_bind_int64(m_small[2], 1, id);
    bindText(m_small[2], 2, name);
    bindTextOrNull(m_small[2], 3, description);
    return step(m_small[2]);
}

bool InvestigationWriter::addAccount(const AccountRow& row)
{
    sqlite3_stmt* st = m_small[3];
    sqlite3_bind_int64(st, 1, row.id);
    bindText(st, 2, row.externalRef);
    bindOptional(st, 3, row.createdAt);
    bindTextOrNull(st, 4, row.country);
    bindTextOrNull(st, 5, row.accessPath);
    bindTextOrNull(st, 6, row.payment);
    bindTextOrNull(st, 7, row.status);
    bindOptional(st, 8, row.statusChangedAt);
    return step(st);
}

bool InvestigationWriter::addIndicator(const IndicatorRow& row)
{
    sqlite3_stmt* st = m_small[4];
    sqlite3_bind_int64(st, 1, m_nextIndicator++);
    sqlite3_bind_int64(st, 2, row.account);
    bindText(st, 3, row.kind);
    bindText(st, 4, row.value);
    return step(st);
}

bool InvestigationWriter::forEachRow(const char* sql, const std::function<void(sqlite3_stmt*)>& row)
{
    sqlite3_stmt* st = prepare(sql);
    if (!st)
        return false;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        row(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return true;
    if (m_error.empty())
        m_error = m_temp + ": " + sqlite3_errmsg(m_db);
    return false;
}

sqlite3_stmt* InvestigationWriter::flagStatement(std::size_t which)
{
    static const char* const kSql[] = {
        "INSERT INTO campaigns(id, name, attributed_to, status, first_flagged_at, summary) VALUES(?1, ?2, NULL, ?3, ?4, ?5)",
        "INSERT INTO clusters(id, name, kind) VALUES(?1, ?2, ?3)",
        "UPDATE accounts SET campaign_id = ?2, cluster_id = ?3 WHERE id = ?1",
        "INSERT INTO flag_reasons(campaign_id, account_id, signal, score, detail) VALUES(?1, ?2, ?3, ?4, ?5)",
    };
    if (!m_db)
        return nullptr;
    if (m_flags.empty())
        m_flags.assign(std::size(kSql), nullptr);
    if (!m_flags[which]) {
        if (which == 3 && !exec(schema::kFlagReasonsTable))
            return nullptr;
        m_flags[which] = prepare(kSql[which]);
    }
    return m_flags[which];
}

bool InvestigationWriter::addCampaign(const CampaignRow& row)
{
    sqlite3_stmt* st = flagStatement(0);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, row.id);
    bindText(st, 2, row.name);
    bindTextOrNull(st, 3, row.status);
    bindOptional(st, 4, row.firstFlaggedAt);
    bindTextOrNull(st, 5, row.summary);
    return step(st);
}

bool InvestigationWriter::addCluster(const ClusterRow& row)
{
    sqlite3_stmt* st = flagStatement(1);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, row.id);
    bindText(st, 2, row.name);
    bindTextOrNull(st, 3, row.kind);
    return step(st);
}

bool InvestigationWriter::setAccountGroups(std::int64_t account, std::int64_t campaign, std::int64_t cluster)
{
    sqlite3_stmt* st = flagStatement(2);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, account);
    bindOptional(st, 2, campaign > 0 ? campaign : -1);
    bindOptional(st, 3, cluster > 0 ? cluster : -1);
    return step(st);
}

bool InvestigationWriter::addFlagReason(const FlagReasonRow& row)
{
    sqlite3_stmt* st = flagStatement(3);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, row.campaign);
    bindOptional(st, 2, row.account > 0 ? row.account : -1);
    bindText(st, 3, row.signal);
    if (row.score)
        sqlite3_bind_double(st, 4, *row.score);
    else
        sqlite3_bind_null(st, 4);
    bindTextOrNull(st, 5, row.detail);
    return step(st);
}

bool InvestigationWriter::finish(std::string* error)
{
    if (!m_db || !m_error.empty()) {
        *error = m_error.empty() ? "the writer is not open" : m_error;
        abandon();
        return false;
    }
    for (sqlite3_stmt* st : {m_exchange, m_hold, m_promote, m_setTemplate, m_dropHeld})
        sqlite3_finalize(st);
    for (sqlite3_stmt* st : m_small)
        sqlite3_finalize(st);
    for (sqlite3_stmt* st : m_flags)
        sqlite3_finalize(st);
    m_exchange = m_hold = m_promote = m_setTemplate = m_dropHeld = nullptr;
    m_small.clear();
    m_flags.clear();
    if (!exec("DROP TABLE temp.held_sample") || !exec("COMMIT") || !exec("PRAGMA synchronous=FULL") ||
        sqlite3_close(m_db) != SQLITE_OK) {
        *error = m_error.empty() ? m_temp + ": cannot close" : m_error;
        abandon();
        return false;
    }
    m_db = nullptr;
    // Durable before it becomes visible under its name.
    if (std::FILE* f = std::fopen(m_temp.c_str(), "rb")) {
        ::fsync(::fileno(f));
        std::fclose(f);
    }
    if (std::rename(m_temp.c_str(), m_path.c_str()) != 0) {
        *error = m_path + ": cannot rename the finished file into place";
        abandon();
        return false;
    }
    m_temp.clear();
    return true;
}

void InvestigationWriter::abandon()
{
    for (sqlite3_stmt* st : {m_exchange, m_hold, m_promote, m_setTemplate, m_dropHeld})
        sqlite3_finalize(st);
    for (sqlite3_stmt* st : m_small)
        sqlite3_finalize(st);
    for (sqlite3_stmt* st : m_flags)
        sqlite3_finalize(st);
    m_exchange = m_hold = m_promote = m_setTemplate = m_dropHeld = nullptr;
    m_small.clear();
    m_flags.clear();
    if (m_db) {
        sqlite3_close(m_db);
        m_db = nullptr;
    }
    if (!m_temp.empty()) {
        std::remove(m_temp.c_str());
        m_temp.clear();
    }
}

} // namespace hs::logimport
