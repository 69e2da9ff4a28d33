// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a flagged-campaign database (format 1.1) from imported logs: exchanges as they come,
// the small tables at the end. Everything goes to a temporary file beside the output, renamed
// into place by finish(); until then, and after abandon() or an error, the output path is
// untouched, so a cancelled or failed import leaves no partial investigation.
// Prompt samples wait in a temporary table (the SQLite temp database, not the output) until
// their family gets a second member: a prompt seen once is not a family, keeps template_id
// NULL and is not kept, so the output stays small even when most prompts are unique.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace hs::logimport {

struct ExchangeRow
{
    std::int64_t ts = 0;
    std::int64_t account = 0;   // accounts.id
    std::int64_t model = 0;     // models.id
    std::int64_t capability = 0; // capabilities.id
    std::int64_t promptTokens = -1, completionTokens = -1; // -1: NULL
    bool cot = false;
};

struct AccountRow
{
    std::int64_t id = 0;
    std::string externalRef;
    std::int64_t createdAt = -1; // -1: NULL (-1 is never a valid time here: logs start after 1970)
    std::string country, accessPath, payment, status;
    std::int64_t statusChangedAt = -1;
};

struct IndicatorRow
{
    std::int64_t account = 0;
    std::string kind, value;
};

// What `hydrascope detect` adds (format 1.1): campaigns, clusters and the reasons for each flag.
struct CampaignRow
{
    std::int64_t id = 0;
    std::string name, status, summary;
    std::int64_t firstFlaggedAt = -1; // -1: NULL; attributed_to is always NULL (a detector cannot know it)
};

struct ClusterRow
{
    std::int64_t id = 0;
    std::string name, kind;
};

struct FlagReasonRow
{
    std::int64_t campaign = 0;
    std::int64_t account = 0; // 0: the reason is the campaign's (account_id NULL)
    std::string signal;
    std::optional<double> score;
    std::string detail;
};

class InvestigationWriter
{
public:
    InvestigationWriter() = default;
    ~InvestigationWriter();
    InvestigationWriter(const InvestigationWriter&) = delete;
    InvestigationWriter& operator=(const InvestigationWriter&) = delete;

    // Creates the temporary file beside `path`; false with *error.
    bool open(const std::string& path, std::string* error);
    // Appends one exchange; returns its id (0 on error: see error()).
    std::int64_t addExchange(const ExchangeRow& row);
    // Family bookkeeping (see the file comment): a new family's first prompt, then, on its
    // second member, the family becomes template `templateId` and its first exchange gets it.
    bool holdSample(int family, const std::string& sample);
    bool promoteFamily(int family, std::int64_t templateId, const std::string& fingerprint, std::int64_t firstExchange);
    // The template of later members is set when the exchange is added:
    void setNextTemplate(std::int64_t templateId) { m_nextTemplate = templateId; }

    bool addMeta(const std::string& key, const std::string& value);
    bool addModel(std::int64_t id, const std::string& name, std::int64_t releasedAt);
    bool addCapability(std::int64_t id, const std::string& name, const std::string& description);
    bool addAccount(const AccountRow& row);
    bool addIndicator(const IndicatorRow& row);

    // Detection, once the tables above are written (before finish()): reads back what was
    // written (row(statement) for each row of `sql`), then adds the flags. The flag_reasons
    // table is created by the first reason, so a plain import has none.
    bool forEachRow(const char* sql, const std::function<void(sqlite3_stmt*)>& row);
    bool addCampaign(const CampaignRow& row);
    bool addCluster(const ClusterRow& row);
    // campaign / cluster 0: NULL.
    bool setAccountGroups(std::int64_t account, std::int64_t campaign, std::int64_t cluster);
    bool addFlagReason(const FlagReasonRow& row);

    // Commits, closes and renames into place.
    bool finish(std::string* error);
    // Closes and deletes the temporary file; safe to call twice.
    void abandon();

    const std::string& error() const { return m_error; }

private:
    bool exec(const char* sql);
    sqlite3_stmt* flagStatement(std::size_t which);
    sqlite3_stmt* prepare(const char* sql);
    bool step(sqlite3_stmt* st);

    sqlite3* m_db = nullptr;
    std::string m_path, m_temp, m_error;
    sqlite3_stmt* m_exchange = nullptr;
    sqlite3_stmt* m_hold = nullptr;
    sqlite3_stmt* m_promote = nullptr;
    sqlite3_stmt* m_setTemplate = nullptr;
    sqlite3_stmt* m_dropHeld = nullptr;
    std::vector<sqlite3_stmt*> m_small; // meta, models, capabilities, accounts, indicators
    std::vector<sqlite3_stmt*> m_flags; // campaigns, clusters, account groups, flag reasons (prepared on first use)
    std::int64_t m_nextTemplate = 0;
    std::int64_t m_nextIndicator = 1;
};

} // namespace hs::logimport
