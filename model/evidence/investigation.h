// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The loaded investigation: small tables as value structs, the exchanges table as aggregates.
// Produced once by the loader (loader.h), then shared read-only (std::shared_ptr<const ...>).
//
// Indexes, not ids: every reference is resolved to a dense index at load time.
// A "group" is a campaign index 0..campaigns.size()-1, or baselineGroup() for unflagged accounts.
// Accounts whose campaign_id dangles belong to no group (kNoGroup) and count only in evidence
// totals, as do exchanges whose account dangles.

#include "aggregates.h"
#include "columns.h"
#include "findings.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace hs {

constexpr std::uint32_t kNoIndex = 0xffffffffu;

struct ModelInfo
{
    std::int64_t id = 0;
    QString name;
    std::int64_t releasedAt = 0;
};

struct CapabilityInfo
{
    std::int64_t id = 0;
    QString name;
    QString description;
    bool implicit = false; // the "unclassified" entry added by the reader, not a row of the file
};

struct CampaignInfo
{
    std::int64_t id = 0;
    QString name;
    QString attributedTo;
    QString status;
    std::optional<std::int64_t> firstFlaggedAt;
    QString summary;
};

struct ClusterInfo
{
    std::int64_t id = 0;
    QString name;
    QString kind;
};

struct AccountInfo
{
    std::int64_t id = 0;
    QString externalRef;
    std::uint32_t group = kNoIndex;   // campaign index, baseline group, or kNoIndex (dangling)
    std::uint32_t cluster = kNoIndex; // cluster index or kNoIndex
    std::optional<std::int64_t> clusterId; // cluster_id as written, also when it dangles
    std::optional<std::int64_t> createdAt;
    QString country;
    QString accessPath;
    QString paymentFingerprint;
    QString status;
    std::optional<std::int64_t> statusChangedAt; // (1.1) e.g. the time of the ban
};

struct TemplateInfo
{
    std::int64_t id = 0;
    QString fingerprint;
    QString sample; // attacker-written text: data, never markup
};

struct IndicatorInfo
{
    std::int64_t id = 0;
    std::uint32_t account = kNoIndex;
    QString kind;
    QString value;
};

// (1.1) One row of flag_reasons: why a campaign, or one of its accounts, was flagged.
struct FlagReason
{
    std::int64_t id = 0;
    std::uint32_t campaign = kNoIndex; // campaign index
    std::uint32_t account = kNoIndex;  // account index; kNoIndex for a campaign-level reason
    QString signal;                    // e.g. near_duplicate_prompts; names outside the usual ones are kept
    std::optional<double> score;       // 0..1 where the writer gave one
    QString detail;                    // attacker-influenced plain text: data, never markup
};

struct EvidenceFile
{
    QString path;
    QString fileName;
    std::int64_t size = 0;
    QString sha256; // lower-case hex; empty when hashing was not asked for
};

struct Investigation
{
    EvidenceFile evidence;
    QHash<QString, QString> meta;
    QString title() const; // meta.title, else the file name

    std::vector<ModelInfo> models;
    std::vector<CapabilityInfo> capabilities; // includes the "unclassified" entry
    std::uint32_t unclassified = 0;           // its index
    std::vector<CampaignInfo> campaigns;
    std::vector<ClusterInfo> clusters;
    std::vector<AccountInfo> accounts;
    std::vector<TemplateInfo> templates;
    std::vector<IndicatorInfo> indicators;
    std::vector<FlagReason> flagReasons; // in id order, only the usable rows

    bool hasCapabilities = false; // the optional table existed
    bool hasTemplates = false;
    bool hasCot = false;          // exchanges.cot_elicitation existed
    bool hasStatusChangedAt = false; // (1.1) accounts.status_changed_at existed
    bool hasFlagReasons = false;     // (1.1) the optional flag_reasons table existed

    std::int64_t exchangeRows = 0; // every row of exchanges, dangling ones included
    Aggregates aggregates;
    std::shared_ptr<const ExchangeColumns> columns; // only when the loader was asked to keep them
    Findings findings; // warnings and notes (a loaded investigation has no errors)

    std::uint32_t groupCount() const { return static_cast<std::uint32_t>(campaigns.size()) + 1; }
    std::uint32_t baselineGroup() const { return static_cast<std::uint32_t>(campaigns.size()); }
    // index of the campaign with this id, or kNoIndex
    std::uint32_t campaignIndex(std::int64_t id) const;
    std::uint32_t modelIndex(const QString& name) const;
};

} // namespace hs
