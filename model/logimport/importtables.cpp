// SPDX-License-Identifier: GPL-3.0-or-later
#include "importtables.h"

#include "importinputs.h"
#include "ipaddress.h"

#include <algorithm>

namespace hs::logimport {

namespace {
constexpr int kMaxPerKind = 256; // distinct ip / ip_prefix / user_agent values kept per account
}

std::int64_t ImportTables::accountId(const std::string& name, std::uint64_t hash)
{
    bool added = false;
    const std::int64_t id = m_accountIds.id(name, hash, &added);
    if (added) {
        m_accountNames.push_back(name);
        m_accounts.emplace_back();
    }
    return id;
}

// Looks the name up before emplace(), which would build (allocate and copy) a node for every
// request only to throw it away.
std::int64_t ImportTables::modelId(const std::string& name, std::int64_t ts)
{
    if (const auto found = m_modelIds.find(name); found != m_modelIds.end()) {
        std::int64_t& first = m_modelFirstSeen[std::size_t(found->second - 1)];
        first = std::min(first, ts);
        return found->second;
    }
    const std::int64_t id = std::int64_t(m_modelNames.size()) + 1;
    m_modelIds.emplace(name, id);
    m_modelNames.push_back(name);
    m_modelFirstSeen.push_back(ts);
    return id;
}

void ImportTables::indicator(std::int64_t account, int slot, const char* kind, const std::string& value)
{
    if (value.empty())
        return;
    std::string key = std::to_string(account);
    key.append(1, '\0').append(kind).append(1, '\0').append(value);
    if (m_indicatorKeys.count(key))
        return;
    AccountState& state = m_accounts[std::size_t(account - 1)];
    const bool keep = slot < 0 || state.kept[slot] < kMaxPerKind;
    m_indicatorKeys.insert(std::move(key)); // a value dropped is counted once, as one kept is kept once
    if (!keep) {
        ++m_indicatorsDropped;
        return;
    }
    if (slot >= 0)
        ++state.kept[slot];
    m_indicators.push_back(IndicatorRow{account, kind, value});
}

void ImportTables::addBatch(const AnalysedBatch& batch)
{
    // The account slots of the whole batch are fetched ahead: the lookups in order then mostly
    // find them in the cache.
    m_accountHashes.resize(batch.requests.size());
    for (std::size_t i = 0; i < batch.requests.size(); ++i) {
        m_accountHashes[i] = NameIndex::hash(batch.requests[i].account);
        m_accountIds.prefetch(m_accountHashes[i]);
    }
    std::string address, prefix;
    auto promotion = batch.promotions.begin();
    for (std::size_t i = 0; i < batch.requests.size(); ++i) {
        const LogRequest& r = batch.requests[i];
        const RequestFeatures& f = batch.features[i];
        ExchangeRow row;
        row.ts = r.ts;
        row.account = accountId(r.account, m_accountHashes[i]);
        row.model = modelId(r.model, r.ts);
        row.capability = f.capability + 1;
        row.promptTokens = r.promptTokens;
        row.completionTokens = r.completionTokens;
        row.cot = f.cot;
        if (f.family >= 0 && !f.newFamily) {
            const auto fam = std::size_t(f.family);
            if (promotion != batch.promotions.end() && promotion->row == i) {
                // The family's second member (the analysis decided it in the same order): the
                // family becomes a template and its first exchange gets it too.
                m_familyTemplate[fam] = ++m_nextTemplate;
                m_writer.promoteFamily(f.family, m_nextTemplate, promotion->fingerprint, m_familyFirstExchange[fam]);
                ++promotion;
            }
            m_writer.setNextTemplate(m_familyTemplate[fam]);
        }
        const std::int64_t id = m_writer.addExchange(row);
        if (f.family >= 0 && f.newFamily) {
            m_familyFirstExchange.resize(std::size_t(f.family) + 1, 0);
            m_familyTemplate.resize(std::size_t(f.family) + 1, 0);
            m_familyFirstExchange[std::size_t(f.family)] = id;
            m_writer.holdSample(f.family, firstCharacters(r.prompt, 2000));
        }
        AccountState& state = m_accounts[std::size_t(row.account - 1)];
        if (!r.ip.empty() && r.ip != state.lastIp) {
            state.lastIp = r.ip;
            if (canonicalAddress(r.ip, &address, &prefix)) {
                indicator(row.account, 0, "ip", address);
                indicator(row.account, 1, "ip_prefix", prefix);
            } else {
                indicator(row.account, 0, "ip", r.ip.substr(0, 100));
            }
        }
        if (!r.userAgent.empty() && r.userAgent != state.lastUserAgent) {
            state.lastUserAgent = r.userAgent;
            indicator(row.account, 2, "user_agent", r.userAgent.substr(0, 1000));
        }
    }
    m_requests += std::int64_t(batch.requests.size());
}

bool ImportTables::finish(const std::vector<ModelRelease>& releases, const std::vector<std::string>& capabilities,
                          const std::unordered_map<std::string, AccountInfo>& accountInfo, TablesSummary* summary)
{
    // Models: the logs' models joined with --models; the listed ones not in the logs too (their
    // release markers still matter on the timeline).
    std::unordered_map<std::string, std::int64_t> released;
    for (const ModelRelease& m : releases)
        released[m.name] = m.releasedAt;
    std::int64_t fromLogs = 0;
    for (std::size_t i = 0; i < m_modelNames.size(); ++i) {
        const auto it = released.find(m_modelNames[i]);
        if (it == released.end())
            ++fromLogs;
        m_writer.addModel(std::int64_t(i) + 1, m_modelNames[i], it == released.end() ? m_modelFirstSeen[i] : it->second);
    }
    for (const ModelRelease& m : releases)
        if (!m_modelIds.count(m.name)) {
            m_modelNames.push_back(m.name);
            m_modelIds.emplace(m.name, std::int64_t(m_modelNames.size()));
            m_writer.addModel(std::int64_t(m_modelNames.size()), m.name, m.releasedAt);
        }
    for (std::size_t i = 0; i < capabilities.size(); ++i)
        m_writer.addCapability(std::int64_t(i) + 1, capabilities[i], capabilityDescription(capabilities[i]));
    for (std::size_t i = 0; i < m_accountNames.size(); ++i) {
        AccountRow a;
        a.id = std::int64_t(i) + 1;
        a.externalRef = m_accountNames[i];
        const auto it = accountInfo.find(m_accountNames[i]);
        if (it != accountInfo.end()) {
            const AccountInfo& info = it->second;
            a.createdAt = info.createdAt.value_or(-1);
            a.country = info.country;
            a.accessPath = info.accessPath;
            a.payment = info.payment;
            a.status = info.status;
            a.statusChangedAt = info.statusChangedAt.value_or(-1);
            indicator(a.id, -1, "payment", info.payment);
            indicator(a.id, -1, "email_domain", info.emailDomain);
            indicator(a.id, -1, "org_name", info.orgName);
        }
        m_writer.addAccount(a);
    }
    *summary = TablesSummary{};
    for (const auto& [name, info] : accountInfo)
        if (!m_accountIds.contains(name))
            ++summary->accountsCsvUnused;
    for (const IndicatorRow& row : m_indicators)
        m_writer.addIndicator(row);
    summary->accounts = std::int64_t(m_accountNames.size());
    summary->models = std::int64_t(m_modelNames.size());
    summary->templates = m_nextTemplate;
    summary->indicators = std::int64_t(m_indicators.size());
    summary->modelsFromLogs = fromLogs;
    summary->indicatorsDropped = m_indicatorsDropped;
    return m_writer.error().empty();
}

} // namespace hs::logimport
