// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The writing stage of `hydrascope import` (importer.cpp runs reading, analysis and writing as a
// pipeline): an analysed batch's exchanges with the ids of their accounts, models and templates,
// the indicators they show; at the end the small tables (models, capabilities, accounts,
// indicators). Everything here is touched by the writing stage only: what it needs from the
// analysis (the family of each request, the fingerprint of a family that becomes a template)
// travels with the batch, because the analysis of later batches grows the family index meanwhile.

#include "investigationwriter.h"
#include "logrequest.h"
#include "nameindex.h"
#include "promptanalyzer.h"
#include "sidefiles.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace hs::logimport {

// One batch on its way through the pipeline; each stage owns it in turn.
struct AnalysedBatch
{
    std::vector<LogRequest> requests;
    std::vector<RequestFeatures> features; // one per request, from PromptAnalyzer::analyze
    // The requests that are their family's second member, in order: there the family becomes a
    // template, and its fingerprint (of its representative) is taken when the batch is analysed.
    struct Promotion
    {
        std::size_t row = 0;
        std::string fingerprint;
    };
    std::vector<Promotion> promotions;
};

struct TablesSummary
{
    std::int64_t accounts = 0, models = 0, templates = 0, indicators = 0;
    std::int64_t accountsCsvUnused = 0;
    std::int64_t modelsFromLogs = 0;     // models whose release time is their first appearance
    std::int64_t indicatorsDropped = 0;  // beyond the 256 kept per kind and account
};

class ImportTables
{
public:
    explicit ImportTables(InvestigationWriter& writer) : m_writer(writer) {}

    // The batch's exchanges, in order.
    void addBatch(const AnalysedBatch& batch);
    std::int64_t requests() const { return m_requests; }

    // Models (the logs' joined with --models, then the listed ones not in the logs),
    // capabilities, accounts (joined with --accounts) and indicators; false on a writer error.
    bool finish(const std::vector<ModelRelease>& releases, const std::vector<std::string>& capabilities,
                const std::unordered_map<std::string, AccountInfo>& accountInfo, TablesSummary* summary);

private:
    struct AccountState
    {
        int kept[3] = {0, 0, 0}; // ip, ip_prefix, user_agent
        // The last address and user agent seen: an account mostly repeats them, and a repeat
        // needs no canonical form, no key and no set lookup.
        std::string lastIp, lastUserAgent;
    };

    std::int64_t accountId(const std::string& name, std::uint64_t hash);
    std::int64_t modelId(const std::string& name, std::int64_t ts);
    void indicator(std::int64_t account, int slot, const char* kind, const std::string& value);

    InvestigationWriter& m_writer;
    std::int64_t m_requests = 0;
    NameIndex m_accountIds;
    std::vector<std::uint64_t> m_accountHashes; // of the batch being written, by request
    std::vector<std::string> m_accountNames;
    std::vector<AccountState> m_accounts;
    std::unordered_map<std::string, std::int64_t> m_modelIds;
    std::vector<std::string> m_modelNames;
    std::vector<std::int64_t> m_modelFirstSeen;
    std::unordered_set<std::string> m_indicatorKeys;
    std::vector<IndicatorRow> m_indicators;
    std::int64_t m_indicatorsDropped = 0;
    std::vector<std::int64_t> m_familyFirstExchange; // by analyzer family
    std::vector<std::int64_t> m_familyTemplate;      // 0: not yet a template (one member)
    std::int64_t m_nextTemplate = 0;
};

} // namespace hs::logimport
