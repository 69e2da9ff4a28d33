// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectrun.h"

#include "detectdata.h"
#include "groupsignals.h"
#include "investigationwriter.h"

#include <chrono>

namespace hs::detect {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool writeFlags(logimport::InvestigationWriter& writer, const DetectData& data, const DetectRun& run)
{
    const DetectResult& r = run.detect;
    bool ok = true;
    for (std::size_t k = 0; k < r.campaigns.size() && ok; ++k) {
        const DetectedCampaign& c = r.campaigns[k];
        const auto id = std::int64_t(k) + 1;
        ok = writer.addCampaign({id, c.name, "active", c.summary, c.firstTs});
        for (const Signal& s : c.signals)
            if (s.agrees && ok)
                ok = writer.addFlagReason({id, 0, s.name, s.score, s.detail});
    }
    for (std::size_t k = 0; k < r.clusters.size() && ok; ++k)
        ok = writer.addCluster({std::int64_t(k) + 1, r.clusters[k].name, r.clusters[k].kind});
    for (std::size_t a = 0; a < r.campaignOf.size() && ok; ++a)
        if (r.campaignOf[a] || r.clusterOf[a])
            ok = writer.setAccountGroups(data.accountIds[a], r.campaignOf[a], r.clusterOf[a]);
    for (const AccountReason& reason : r.reasons) {
        if (!ok)
            break;
        ok = writer.addFlagReason({std::int64_t(reason.campaign) + 1, data.accountIds[std::size_t(reason.account)],
                                   reason.signal.name, reason.signal.score, reason.signal.detail});
    }
    return ok;
}

} // namespace

DetectRun detectLogs(logimport::ImportOptions options, const DetectConfig& config, const ProgressCallback& progress,
                     const std::atomic<bool>* cancel)
{
    DetectRun run;
    ProgressSink sink(progress, cancel);
    options.generatedBy = "hydrascope detect";
    options.beforeFinish = [&](logimport::InvestigationWriter& writer, std::string* error) {
        sink.report(QStringLiteral("Detecting campaigns: reading the exchanges back"), 0.96, true);
        auto start = Clock::now();
        DetectData data;
        const RowReader read = [&writer](const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
            return writer.forEachRow(sql, row);
        };
        if (!readDetectData(read, &data, error)) {
            if (!writer.error().empty())
                *error = writer.error();
            return false;
        }
        run.readSeconds = since(start);
        sink.report(QStringLiteral("Detecting campaigns: signals"), 0.97, true);
        run.detect = detectCampaigns(data, config, cancel);
        if (run.detect.cancelled) {
            *error = "cancelled";
            return false;
        }
        sink.report(QStringLiteral("Detecting campaigns: writing the flags"), 0.99, true);
        start = Clock::now();
        if (!writeFlags(writer, data, run)) {
            *error = writer.error().empty() ? "cannot write the flags" : writer.error();
            return false;
        }
        run.writeSeconds = since(start);
        for (const std::int32_t c : run.detect.campaignOf)
            run.flaggedAccounts += c != 0;
        run.reasons = std::int64_t(run.detect.reasons.size());
        for (const DetectedCampaign& c : run.detect.campaigns)
            for (const Signal& s : c.signals)
                run.reasons += s.agrees;
        return true;
    };
    run.import = logimport::importLogs(options, progress, cancel);
    return run;
}

std::string explainText(const DetectRun& run)
{
    const DetectResult& r = run.detect;
    std::string out = r.organic + ".\n";
    for (const DetectedCampaign& c : r.campaigns) {
        out += "\n" + c.name + " (" + std::to_string(c.accounts.size()) + " accounts)\n";
        for (const Signal& s : c.signals)
            out += std::string(s.agrees ? "  agrees   " : "  does not ") + s.name + " " + numberText(s.score, 2) + ": " + s.detail + "\n";
    }
    if (!r.unflagged.empty())
        out += "\nGroups linked by timing or infrastructure but not flagged:\n";
    for (const UnflaggedGroup& g : r.unflagged)
        out += "  " + std::to_string(g.accounts) + " accounts: " + g.why + "\n";
    return out;
}

} // namespace hs::detect
