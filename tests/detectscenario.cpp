// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectscenario.h"

#include "generatorprompts.h"
#include "generatorrandom.h"
#include "generatorstory.h"

#include <QFile>

#include <sqlite3.h>

#include <cmath>
#include <iterator>
#include <cstdio>
#include <ctime>
#include <vector>

namespace hs::testing {

namespace {

std::string json(const std::string& s)
{
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char b[8];
            std::snprintf(b, sizeof b, "\\u%04x", c);
            out += b;
        } else
            out += c;
    }
    return out + "\"";
}

std::string iso(std::int64_t t)
{
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char b[32];
    std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return b;
}

class Writer
{
public:
    Writer(std::uint64_t seed) : m_rng(seed ^ 0x5eedf00dull), m_seed(seed), m_organic(story::kBaselineCapabilities) {}
    std::string requests, accounts;

    void account(const std::string& ref, const std::string& payment, const std::string& email)
    {
        accounts += ref + ",2025-06-01T00:00:00Z,US,api," + payment + "," + email + ",,active,\n";
    }
    // One request; template < 0: a prompt of its own (a fresh skeleton per request).
    void request(const std::string& ref, std::int64_t ts, const std::string& model, std::int64_t templateKey, int capability,
                 const std::string& ip, const std::string& ua)
    {
        const std::int64_t key = templateKey >= 0 ? templateKey : -(++m_unique) - 1000000000;
        const generator::PromptSkeleton sk = generator::promptSkeleton(key, capability, m_seed);
        std::string prompt = generator::promptText(sk, m_rng.next(), m_rng.chance(0.04));
        if (templateKey < 0)
            prompt = ownPrompt(prompt);
        requests += "{\"ts\":" + json(iso(ts)) + ",\"account\":" + json(ref) + ",\"model\":" + json(model) +
                    ",\"prompt\":" + json(prompt) + (ip.empty() ? std::string() : ",\"ip\":" + json(ip)) + ",\"ua\":" + json(ua) +
                    ",\"usage\":{\"in\":" + std::to_string(200 + m_rng.below(900)) + ",\"out\":" +
                    std::to_string(100 + m_rng.below(900)) + "}}\n";
    }
    // A person's own prompt: the first sentence of a generated one (for its capability), then
    // forty words of their own. The generator's skeletons share most sentences within a
    // capability (they are templates), so two of them are near-duplicates; people are not.
    std::string ownPrompt(const std::string& generated)
    {
        std::size_t end = generated.find(". ");
        const std::size_t cjk = generated.find("\xE3\x80\x82");
        if (cjk != std::string::npos && (end == std::string::npos || cjk < end))
            end = cjk + 2;
        std::string out = generated.substr(0, end == std::string::npos ? generated.size() : end + 1);
        static const char* const kSyllables[] = {"ka", "lo", "mi", "ren", "tus", "vo", "sha", "pel", "dri", "on", "bex", "ul",
                                                 "ta", "gor", "nim", "que", "sa", "fen", "zu", "har"};
        for (int w = 0; w < 40; ++w) {
            out += ' ';
            const int syllables = 2 + int(m_rng.below(3));
            for (int k = 0; k < syllables; ++k)
                out += kSyllables[m_rng.below(20)];
        }
        return out;
    }
    int organicCapability() { return int(m_organic.pick(m_rng)); }
    // The organic pace of a new model: 5% at its release, 30% after 20 days (as the generator's baseline).
    std::string organicModel(std::int64_t ts)
    {
        double s3 = 0;
        if (ts >= story::kPivotRelease)
            s3 = std::min(0.3, 0.05 + 0.25 * double(ts - story::kPivotRelease) / (20.0 * 86400));
        return m_rng.chance(s3) ? "atlas-3" : m_rng.chance(0.8) ? "atlas-2" : "atlas-2-mini";
    }
    std::int64_t anyTime() { return story::kStart + m_rng.below(story::kEnd - story::kStart); }
    generator::Rng& rng() { return m_rng; }

private:
    generator::Rng m_rng;
    std::uint64_t m_seed;
    generator::Picker m_organic;
    std::int64_t m_unique = 0;
};

bool append(const QString& path, const std::string& text, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::Append) || f.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        *error = path + QStringLiteral(": cannot append");
        return false;
    }
    return true;
}

} // namespace

bool appendHardNegatives(const QString& dir, std::uint64_t seed, QString* error)
{
    Writer w(seed);
    const std::int64_t day = 86400;
    // CI: 20,000 requests a day of one prompt for three days, colleagues with their own prompts.
    w.account("neg-ci-0", "pf_acme", "acme.example");
    const std::int64_t ciStart = story::kStart + 40 * day;
    for (int i = 0; i < 60000; ++i)
        w.request("neg-ci-0", ciStart + i * 3 * day / 60000, "atlas-2", 900000001, 4, "198.18.7.10", "acme-ci/1.0");
    for (int c = 1; c <= 5; ++c) {
        const std::string ref = "neg-ci-" + std::to_string(c);
        w.account(ref, "pf_acme", "acme.example");
        for (int i = 0; i < 150; ++i)
            w.request(ref, w.anyTime(), w.organicModel(w.anyTime()), -1, w.organicCapability(), "198.18.7." + std::to_string(20 + c),
                      "Mozilla/5.0 acme-desktop");
    }
    // Enterprise: 300 keys, one payment method.
    for (int k = 0; k < 300; ++k) {
        const std::string ref = "neg-ent-" + std::to_string(k);
        w.account(ref, "pf_bigcorp", "bigcorp.example");
        const int n = 10 + int(w.rng().below(50));
        for (int i = 0; i < n; ++i) {
            const std::int64_t ts = w.anyTime();
            const bool shared = w.rng().chance(0.2);
            const int cap = shared ? 11 : w.organicCapability();
            w.request(ref, ts, w.organicModel(ts), shared ? 900000100 + w.rng().below(10) : -1, cap,
                      "198.19." + std::to_string(k / 200) + "." + std::to_string(k % 200 + 1), "bigcorp-sdk/2." + std::to_string(k % 7));
        }
    }
    // A class: Tuesdays 14:00-16:00 UTC, one NAT address, different prompts, mostly coding.
    const std::int64_t firstTuesday = story::kStart + 1 * day + 14 * 3600; // 2025-12-01 is a Monday
    for (int s = 0; s < 60; ++s) {
        const std::string ref = "neg-class-" + std::to_string(s);
        w.account(ref, "pf_student_" + std::to_string(s), "uni.example.edu");
        for (std::int64_t week = firstTuesday; week < story::kEnd; week += 7 * day)
            for (int i = 0; i < 8; ++i) {
                const std::int64_t ts = week + w.rng().below(2 * 3600);
                w.request(ref, ts, w.organicModel(ts), -1, w.rng().chance(0.6) ? 4 : w.organicCapability(), "192.0.0.170",
                          "Mozilla/5.0 campus-lab");
            }
    }
    // Organic accounts of one reseller moving to atlas-3 at the organic pace.
    for (int k = 0; k < 100; ++k) {
        const std::string ref = "neg-move-" + std::to_string(k);
        w.account(ref, "pf_reseller", "");
        for (int i = 0; i < 60; ++i) {
            const std::int64_t ts = story::kPivotRelease - 20 * day + w.rng().below(40 * day);
            w.request(ref, ts, w.organicModel(ts), -1, w.organicCapability(),
                      "2001:db8:77" + std::to_string(k % 10) + ":" + std::to_string(k) + "::1", "reseller-proxy/1." + std::to_string(k % 3));
        }
    }
    return append(dir + QStringLiteral("/requests.jsonl"), w.requests, error) &&
           append(dir + QStringLiteral("/accounts.csv"), w.accounts, error);
}

double adjustedRandIndex(const std::map<std::string, std::pair<std::string, std::string>>& labels)
{
    std::map<std::pair<std::string, std::string>, double> cells;
    std::map<std::string, double> rows, cols;
    for (const auto& [account, l] : labels) {
        ++cells[l];
        ++rows[l.first];
        ++cols[l.second];
    }
    const auto pairs = [](double n) { return n * (n - 1) / 2; };
    double index = 0, a = 0, b = 0;
    for (const auto& [k, n] : cells)
        index += pairs(n);
    for (const auto& [k, n] : rows)
        a += pairs(n);
    for (const auto& [k, n] : cols)
        b += pairs(n);
    const double total = pairs(double(labels.size()));
    const double expected = total > 0 ? a * b / total : 0;
    const double maxIndex = (a + b) / 2;
    return maxIndex == expected ? 1.0 : (index - expected) / (maxIndex - expected);
}

Accuracy measureAccuracy(const QString& detectedDb, const QString& groundTruthCsv)
{
    Accuracy acc;
    std::map<std::string, std::pair<std::string, std::string>> labels;
    QFile truth(groundTruthCsv);
    if (!truth.open(QIODevice::ReadOnly)) {
        acc.error = groundTruthCsv + QStringLiteral(": cannot open");
        return acc;
    }
    truth.readLine();
    while (!truth.atEnd()) {
        const QList<QByteArray> cells = truth.readLine().trimmed().split(',');
        if (cells.size() >= 2)
            labels[cells[0].toStdString()] = {cells[1].isEmpty() ? std::string("-") : "t" + cells[1].toStdString(), "?"};
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(detectedDb.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        acc.error = detectedDb + QStringLiteral(": cannot open");
        sqlite3_close(db);
        return acc;
    }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT external_ref, campaign_id FROM accounts", -1, &st, nullptr);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        const std::string ref(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        const bool flagged = sqlite3_column_type(st, 1) != SQLITE_NULL;
        const std::string found = flagged ? "f" + std::to_string(sqlite3_column_int64(st, 1)) : "-";
        if (ref.rfind("neg-", 0) == 0) {
            const std::string group = ref.substr(0, ref.find('-', 4));
            acc.negatives[group].first += flagged;
            ++acc.negatives[group].second;
            labels[ref] = {"-", found};
        } else {
            labels[ref].second = found;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    // Accounts that sent no request are not in the logs: nothing can flag them, and they are not counted.
    for (auto it = labels.begin(); it != labels.end();)
        it = it->second.second == "?" ? labels.erase(it) : std::next(it);
    for (const auto& [ref, l] : labels) {
        acc.positives += l.first != "-";
        acc.flagged += l.second != "-";
        acc.truePositives += l.first != "-" && l.second != "-";
    }
    acc.precision = acc.flagged ? double(acc.truePositives) / double(acc.flagged) : 1;
    acc.recall = acc.positives ? double(acc.truePositives) / double(acc.positives) : 1;
    acc.ari = adjustedRandIndex(labels);
    return acc;
}

} // namespace hs::testing
