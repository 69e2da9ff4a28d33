// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a case report says, as plain values: every sentence, table and chart series of the PDF.
// Built only from model/ figures (analysis.h, timeline.h, the case snapshot) and passed through
// the redactor, so the PDF, the dashboard and `analyze --json` cannot disagree. The PDF writer
// (widgets/report/reportwriter.h) only lays this out. Evidence text is data: never markup.

#include "analysis.h"
#include "casedata.h"
#include "churn.h"
#include "timeline.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace hs {

class Redactor;

struct ReportTable
{
    QStringList headers;
    std::vector<bool> numeric; // per column: right-aligned
    std::vector<QStringList> rows;
};

struct ReportMark
{
    QString label;
    std::int64_t from = 0;
    std::int64_t to = 0; // == from for a moment
};

struct ReportTimeline
{
    TimelineData data; // the campaign's traffic per model, and the baseline
    std::int64_t from = 0, to = 0; // the span shown
    std::vector<ReportMark> releases, pivots;
    std::vector<Annotation> notes; // range and point annotations in the span, titles made visible
};

struct CapabilityBar
{
    QString name;
    double campaign = 0; // share of the campaign's exchanges
    double baseline = 0; // share of the baseline's
};

struct CampaignReport
{
    std::uint32_t group = 0;
    QString name;
    std::vector<std::pair<QString, QString>> facts;
    QStringList releases; // one sentence per release of a model in the campaign's traffic
    ReportTimeline timeline;
    std::vector<CapabilityBar> capabilities;
    QString capabilityNote; // when not all are shown
    ReportTable clusters, accounts, families;
    // (1.1) campaigns with banned accounts: "Of N banned accounts, M were replaced, after a median
    // of H hours.", the churn chart and the first replacements (account refs through the redactor).
    QString lifecycle;
    std::optional<ChurnSeries> churn;
    ReportTable replacements;
    // (1.1) "Why these accounts were flagged", only for a campaign with flag_reasons: its own
    // reasons strongest first (signal, score, detail: visibleText and scrubbed by the redactor),
    // a sentence on its accounts with reasons of their own and those accounts by signal.
    ReportTable flagReasons;
    QString flaggedAccounts;
    ReportTable flaggedAccountsBySignal;
    bool hasFlagReasons() const { return !flagReasons.rows.empty() || !flaggedAccountsBySignal.rows.empty(); }
};

struct AnnotationReport
{
    QString heading; // "Key evidence: title"
    QString details; // kind, time or target, tags, author
    QString note;
    bool key = false;
};

struct ReportOptions
{
    QString classification = QStringLiteral("CONFIDENTIAL");
    std::optional<SavedView> view; // restricts the campaigns and the time span shown
    std::int64_t now = 0;          // when the report is made (Unix seconds)
};

struct ReportContent
{
    QString title;          // the case title, else the investigation's
    QString classification;
    QString redaction;      // the redactor's statement
    QString profile;        // its name, for the page footers
    std::vector<std::pair<QString, QString>> titleFacts;
    QStringList keyFigures; // one sentence each
    QStringList pivots;     // every detected pivot, one sentence each
    std::vector<CampaignReport> campaigns;
    std::vector<AnnotationReport> annotations; // key evidence first
    QStringList definitions;
    ReportTable audit;
};

// `snapshot` may be null (no case). Fails only for a view that names nothing in the evidence.
ReportContent buildReport(const Investigation& inv, const Analysis& analysis, const CaseSnapshot* snapshot,
                          const Redactor& redactor, const ReportOptions& options);

// Evidence text made safe to show as-is: control characters, bidi controls and other invisible
// characters become markers ("⟨RLO⟩", displaytext.h inlineMarkers()) that the PDF draws in a style
// of their own, so they can neither vanish nor reorder the page. Evidence quoted inside one of
// our sentences is isolated() as well, so that it cannot reorder the sentence around it.
QString visibleText(const QString& text);
// A name as a report shows it: visibleText() of at most kReportNameChars characters, and how many
// more there are (a 50 MB campaign name is evidence, not something to lay out on a page).
constexpr qsizetype kReportNameChars = 200;
QString reportName(const QString& name);
// Campaign sections in one report: beyond this, the campaigns with the most exchanges, and a
// sentence saying how many more the analysis JSON and the case bundle list.
constexpr std::size_t kMaxReportCampaigns = 50;
// A count as the report writes it: 12,750,020.
QString reportNumber(std::uint64_t n);

} // namespace hs
