// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The tables of a flagged-campaign database (format 1.1, ../shared/spec/flagged-campaign-db.md)
// as this program writes them: one place for the DDL that the generator (`generate`) and the
// log import's investigation writer (`import`, `detect`) both execute, so the two writers can
// never drift apart. Readers do not use it: they accept any valid file, not only ours.

namespace hs::schema {

// Format 1.0: every table of the spec but flag_reasons, accounts without status_changed_at.
inline constexpr const char* kFormat10Tables = R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE models(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, released_at INTEGER NOT NULL);
CREATE TABLE capabilities(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT);
CREATE TABLE campaigns(id INTEGER PRIMARY KEY, name TEXT NOT NULL, attributed_to TEXT, status TEXT,
                       first_flagged_at INTEGER, summary TEXT);
CREATE TABLE clusters(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT);
CREATE TABLE accounts(id INTEGER PRIMARY KEY, external_ref TEXT NOT NULL, campaign_id INTEGER, cluster_id INTEGER,
                      created_at INTEGER, country TEXT, access_path TEXT, payment_fingerprint TEXT, status TEXT);
CREATE TABLE exchanges(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, account_id INTEGER NOT NULL,
                       model_id INTEGER NOT NULL, capability_id INTEGER, prompt_tokens INTEGER,
                       completion_tokens INTEGER, template_id INTEGER, cot_elicitation INTEGER);
CREATE TABLE templates(id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, sample TEXT);
CREATE TABLE indicators(id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL);
)";

// The 1.1 additions (each optional in the spec): the ban time of an account ...
inline constexpr const char* kStatusChangedAtColumn = "ALTER TABLE accounts ADD COLUMN status_changed_at INTEGER;";
// ... and why a campaign (account_id NULL) or one of its accounts was flagged.
inline constexpr const char* kFlagReasonsTable =
    "CREATE TABLE flag_reasons(id INTEGER PRIMARY KEY, campaign_id INTEGER NOT NULL, account_id INTEGER, "
    "signal TEXT NOT NULL, score REAL, detail TEXT);";

} // namespace hs::schema
