// SPDX-License-Identifier: GPL-3.0-or-later
// bench_detect at full scale without the import: detection alone (model/detect) on an existing
// investigation opened read-only, e.g. the generator's full-scale truth (/work/data/hydra-full.db:
// its template_id are the generator's templates, not imported families). Prints the time of each
// step, peak memory, and precision, recall and adjusted Rand index against the file's own
// campaign_id. Nothing is written.
#include "detectdata.h"
#include "detector.h"

#include "detectscenario.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <sys/resource.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: detect_db INVESTIGATION.db\n");
        return 2;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "%s: cannot open\n", argv[1]);
        return 2;
    }
    const hs::detect::RowReader read = [db](const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            return false;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            row(st);
        sqlite3_finalize(st);
        return rc == SQLITE_DONE;
    };
    const auto start = std::chrono::steady_clock::now();
    hs::detect::DetectData data;
    std::string error;
    if (!hs::detect::readDetectData(read, &data, &error)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], error.c_str());
        return 2;
    }
    const double readSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("read %zu exchanges, %zu accounts in %.1f s\n", data.ts.size(), data.accountIds.size(), readSeconds);
    const hs::detect::DetectResult r = hs::detect::detectCampaigns(data, {});
    for (const auto& [step, seconds] : r.seconds)
        std::printf("  %s: %.2f s\n", step.c_str(), seconds);
    std::map<std::string, std::pair<std::string, std::string>> labels;
    read("SELECT id, campaign_id FROM accounts", [&](sqlite3_stmt* st) {
        labels[std::to_string(sqlite3_column_int64(st, 0))].first =
            sqlite3_column_type(st, 1) == SQLITE_NULL ? std::string("-") : "t" + std::to_string(sqlite3_column_int64(st, 1));
    });
    std::int64_t positives = 0, flagged = 0, truePositives = 0;
    for (std::size_t a = 0; a < data.accountIds.size(); ++a) {
        auto& l = labels[std::to_string(data.accountIds[a])];
        l.second = r.campaignOf[a] ? "f" + std::to_string(r.campaignOf[a]) : std::string("-");
    }
    for (const auto& [id, l] : labels) {
        positives += l.first != "-";
        flagged += l.second != "-";
        truePositives += l.first != "-" && l.second != "-";
    }
    for (const auto& c : r.campaigns)
        std::printf("  %s: %zu accounts\n", c.name.c_str(), c.accounts.size());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("accuracy: precision %.4f, recall %.4f, adjusted Rand index %.4f (%lld flagged, %lld of %lld campaign accounts)\n",
                flagged ? double(truePositives) / double(flagged) : 1.0, positives ? double(truePositives) / double(positives) : 1.0,
                hs::testing::adjustedRandIndex(labels), static_cast<long long>(flagged), static_cast<long long>(truePositives),
                static_cast<long long>(positives));
    std::printf("peak memory %ld MB; CPU %.1f s user + %.1f s sys\n", usage.ru_maxrss / 1024,
                double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6,
                double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6);
    sqlite3_close(db);
    return 0;
}
