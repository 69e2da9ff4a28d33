// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisjson.h"

#include "flagreasonsummary.h"
#include "jsonwriter.h"
#include "redaction.h"
#include "timeutil.h"

#include <QLocale>

namespace hs {
namespace {

constexpr std::size_t kTopFamilies = 10;

void writeTimes(JsonWriter& w, const GroupFigures& g)
{
    w.key("first_seen");
    g.firstSeen ? w.value(isoUtc(*g.firstSeen)) : w.null();
    w.key("last_seen");
    g.lastSeen ? w.value(isoUtc(*g.lastSeen)) : w.null();
}

void writeGroupBody(JsonWriter& w, const Investigation& inv, const GroupFigures& g)
{
    w.key("exchanges").value(g.exchanges);
    w.key("accounts").value(g.accounts);
    writeTimes(w, g);
    w.key("capabilities").beginArray();
    for (const CapabilityShare& c : g.capabilities) {
        w.beginObject();
        w.key("name").value(c.name);
        w.key("exchanges").value(c.exchanges);
        w.key("share").value(c.share);
        w.endObject();
    }
    w.endArray();
    w.key("cot_elicitation_share").value(g.cotShare);
    w.key("clusters").beginArray();
    for (const ClusterShare& c : g.clusters) {
        w.beginObject();
        w.key("id").value(inv.clusters[c.cluster].id);
        w.key("name").value(inv.clusters[c.cluster].name);
        w.key("accounts").value(c.accounts);
        w.endObject();
    }
    w.endArray();
    w.key("top_prompt_families").beginArray();
    for (std::size_t i = 0; i < g.families.size() && i < kTopFamilies; ++i) {
        const FamilyShare& f = g.families[i];
        w.beginObject();
        w.key("template_id").value(inv.templates[f.tmpl].id);
        w.key("fingerprint").value(inv.templates[f.tmpl].fingerprint);
        w.key("exchanges").value(f.exchanges);
        w.key("share").value(f.share);
        w.endObject();
    }
    w.endArray();
}

void writePivot(JsonWriter& w, const Investigation& inv, const PivotFigure& p)
{
    w.beginObject();
    w.key("model").value(inv.models[p.model].name);
    w.key("released_at").value(isoUtc(p.releasedAt));
    w.key("share_24h").value(p.share24h);
    w.key("hours_to_threshold").value(p.hoursToThreshold);
    w.key("pivot").value(p.pivot);
    w.key("baseline_share_24h").value(p.baselineShare24h);
    w.key("window_exchanges").value(p.windowExchanges);
    w.key("window_exchanges_on_model").value(p.windowOnModel);
    w.endObject();
}

void writeEvidence(JsonWriter& w, const Investigation& inv, const Analysis& a)
{
    w.key("evidence").beginObject();
    w.key("file").value(inv.evidence.fileName);
    w.key("sha256").value(inv.evidence.sha256);
    w.key("size_bytes").value(inv.evidence.size);
    w.key("title").value(inv.title());
    w.key("synthetic").value(inv.meta.value(QStringLiteral("synthetic")) == QLatin1String("1"));
    w.key("exchanges").value(a.evidenceExchanges);
    w.key("accounts").value(a.evidenceAccounts);
    w.endObject();
}

// (1.1) Without accounts.status_changed_at no ban time is known: every figure is null.
void writeLifecycle(JsonWriter& w, const std::optional<CampaignLifecycle>& l)
{
    w.key("lifecycle").beginObject();
    w.key("banned_accounts");
    l ? w.value(std::uint64_t(l->banned.size())) : w.null();
    w.key("replaced_accounts");
    l ? w.value(std::uint64_t(l->replacedAccounts())) : w.null();
    w.key("replacement_median_hours");
    l ? w.value(l->medianHours) : w.null();
    w.endObject();
}

// (1.1) Only when the file has flag_reasons: a file without the table gives the same document as before.
void writeFlagReasons(JsonWriter& w, const Investigation& inv, const CampaignReasons& c, const Redactor* redactor)
{
    w.key("flag_reasons").beginArray();
    for (const std::uint32_t i : c.reasons) {
        const FlagReason& r = inv.flagReasons[i];
        w.beginObject();
        w.key("signal").value(r.signal);
        w.key("score");
        r.score ? w.value(*r.score) : w.null();
        w.key("detail").value(redactor ? redactor->scrub(r.detail) : r.detail);
        w.endObject();
    }
    w.endArray();
    w.key("accounts_with_flag_reasons").value(static_cast<std::int64_t>(c.accountsWithReasons));
    w.key("account_flag_reasons_by_signal").beginArray();
    for (const auto& [signal, accounts] : c.accountsBySignal) {
        w.beginObject();
        w.key("signal").value(signal);
        w.key("accounts").value(static_cast<std::int64_t>(accounts));
        w.endObject();
    }
    w.endArray();
}

} // namespace

QByteArray analysisToJson(const Investigation& inv, const Analysis& a, const Redactor* redactor)
{
    const std::vector<CampaignReasons> reasons = inv.hasFlagReasons ? reasonsByCampaign(inv) : std::vector<CampaignReasons>{};
    JsonWriter w;
    w.beginObject();
    w.key("format_version").value(1);
    writeEvidence(w, inv, a);
    w.key("threshold").value(a.threshold);
    w.key("models").beginArray();
    for (const ModelInfo& m : inv.models) {
        w.beginObject();
        w.key("name").value(m.name);
        w.key("released_at").value(isoUtc(m.releasedAt));
        w.endObject();
    }
    w.endArray();
    w.key("campaigns").beginArray();
    for (const GroupFigures& g : a.campaigns) {
        const CampaignInfo& c = inv.campaigns[g.group];
        w.beginObject();
        w.key("id").value(c.id);
        w.key("name").value(c.name);
        w.key("attributed_to").value(c.attributedTo);
        w.key("status").value(c.status);
        writeGroupBody(w, inv, g);
        w.key("pivots").beginArray();
        for (const PivotFigure& p : g.pivots)
            writePivot(w, inv, p);
        w.endArray();
        writeLifecycle(w, g.lifecycle);
        if (g.group < reasons.size())
            writeFlagReasons(w, inv, reasons[g.group], redactor);
        w.endObject();
    }
    w.endArray();
    w.key("baseline").beginObject();
    writeGroupBody(w, inv, a.baseline);
    w.endObject();
    w.key("warnings").beginArray();
    for (const Finding& f : inv.findings.items())
        if (f.severity == Severity::Warning)
            w.value(f.toText());
    w.endArray();
    w.endObject();
    return w.result();
}

} // namespace hs
