// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A reviewer's case as plain values: what the case file (casefile.h) stores and what reports,
// exports and views read. Times are Unix seconds, UTC. Evidence references are the evidence
// file's own ids (campaigns.id, accounts.id, ...), never dense indexes: they outlive a reload.

#include "pageid.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace hs {

enum class AnnotationKind { Range, Point, Campaign, Cluster, Account, Family };
enum class AnnotationSeverity { Info, Notable, KeyEvidence };

QString kindName(AnnotationKind kind);         // "range", "point", "campaign", ...
QString severityName(AnnotationSeverity s);    // "info", "notable", "key-evidence"
QString severityLabel(AnnotationSeverity s);   // "Info", "Notable", "Key evidence"
bool parseKind(const QString& text, AnnotationKind* kind);
bool parseSeverity(const QString& text, AnnotationSeverity* severity); // also accepts "key"
bool isTimeKind(AnnotationKind kind);          // range or point
constexpr int kAnnotationKinds = 6;
constexpr int kSeverities = 3;

struct Annotation
{
    std::int64_t id = 0; // 0 until stored
    AnnotationKind kind = AnnotationKind::Range;
    QString title;
    QString note; // plain text
    QStringList tags;
    AnnotationSeverity severity = AnnotationSeverity::Info;
    QString author;
    std::int64_t createdAt = 0;
    std::int64_t editedAt = 0;
    std::int64_t from = 0;   // range: [from, to); point: the moment
    std::int64_t to = 0;
    std::int64_t target = 0; // campaign, cluster, account or template id of the evidence
    bool internal = false;   // left out of exports made with the "external" profile
    // Not content (never hashed, not in a .hcase): a server case's row version, for telling a
    // reviewer that someone else saved the annotation first. 0 in a file case.
    std::int64_t revision = 0;
    bool operator==(const Annotation&) const = default;
};

// One entry of the append-only audit log. Each entry's hash covers its fields and the hash
// before it, so a removed, inserted or altered entry breaks the chain.
struct AuditEntry
{
    std::int64_t seq = 0;
    std::int64_t at = 0;
    QString actor;
    QString action;  // created, edited, deleted, restored, opened, exported, evidence-mismatch, ...
    QString subject; // "case", "annotation:12", "view:3", "evidence"
    QString detail;  // one plain sentence
    QString contentHash; // SHA-256 of the subject's content after the action; empty if none
    QString prevHash;
    QString hash;
};

// A named selection to return to: campaigns by evidence id, the baseline, the range, the model
// and capability by evidence id, and the page that was showing.
struct SavedView
{
    std::int64_t id = 0;
    QString name;
    PageId page = PageId::Overview;
    // A stored page key this version has no page for (a newer version's page): kept as read, so
    // the view hashes and saves as it was written; the view opens on the Overview.
    QString unknownPage;
    bool allGroups = true;
    std::vector<std::int64_t> campaignIds; // when !allGroups
    bool baseline = true;                  // when !allGroups
    std::optional<std::int64_t> from, to;
    std::optional<std::int64_t> modelId;
    std::optional<std::int64_t> capabilityId;
    std::int64_t createdAt = 0;
    bool operator==(const SavedView&) const = default;
    QString storedPage() const { return unknownPage.isEmpty() ? pageKey(page) : unknownPage; }
    void setStoredPage(const QString& key);
};

struct CaseInfo
{
    int formatVersion = 1;
    std::int64_t createdAt = 0;
    QString reviewer;
    QString title;
    QString evidenceName;
    std::int64_t evidenceSize = 0;
    QString evidenceSha256;
    QString evidencePath; // absolute, where it was last found
};

// Everything a report or an export needs from a case, read in one go.
struct CaseSnapshot
{
    QString path;
    CaseInfo info;
    std::vector<Annotation> annotations; // by id
    std::vector<SavedView> views;        // by id
    std::vector<AuditEntry> audit;       // by seq
    // What could not be read: SQLite's integrity check, step errors, rows with values outside the
    // format (each naming table, row and field). Verification reports every one as tampering.
    QStringList damage;
    QString chainHead() const { return audit.empty() ? QString() : audit.back().hash; }
};

} // namespace hs
