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

    // Commits, closes and renames into place.
    bool finish(std::string* error);
    // Closes and deletes the temporary file; safe to call twice.
    void abandon();

    const std::string& error() const { return m_error; }

private:
    bool exec(const char* sql);
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
    std::int64_t m_nextTemplate = 0;
    std::int64_t m_nextIndicator = 1;
};

} // namespace hs::logimport
