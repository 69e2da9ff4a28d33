// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: the prompt-family step of `hydrascope import` against a plain single-threaded
// MinHash baseline on the same requests (bench_import.sh runs it after the import).
//   baseline:  textbook MinHash, 64 hash functions per shingle, one thread, then the same LSH
//   ours, one thread: one-permutation MinHash with densification, then the same LSH
//   ours, as import runs it: PromptAnalyzer (signatures and capability rules on every core)
// Prints requests/s of each and how far the families agree (pairs of requests put together by
// one and not the other, on a sample). Usage: bench_families LOGFILE [MAX_REQUESTS]
#include "logreader.h"
#include "minhash.h"
#include "promptanalyzer.h"
#include "shingles.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace hs::logimport;

namespace {

double seconds(std::chrono::steady_clock::time_point from)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
}

template <typename Sign>
std::vector<int> families(const std::vector<LogRequest>& requests, Sign sign, double* elapsed)
{
    const auto start = std::chrono::steady_clock::now();
    FamilyIndex index;
    std::vector<std::uint64_t> shingles;
    Signature s;
    std::vector<int> out;
    out.reserve(requests.size());
    for (const LogRequest& r : requests) {
        shingleHashes(r.prompt, &shingles);
        sign(shingles, &s);
        out.push_back(s.empty ? -1 : index.assign(s));
    }
    *elapsed = seconds(start);
    return out;
}

// Of request pairs (i, i + k) over a sample, the share on which two familyings disagree.
double disagreement(const std::vector<int>& a, const std::vector<int>& b)
{
    std::int64_t pairs = 0, differ = 0;
    for (std::size_t i = 0; i + 64 < a.size(); i += 7)
        for (std::size_t k = 1; k <= 64; k += 9) {
            ++pairs;
            differ += ((a[i] == a[i + k]) != (b[i] == b[i + k])) ? 1 : 0;
        }
    return pairs ? double(differ) / double(pairs) : 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_families LOGFILE [MAX_REQUESTS]\n");
        return 2;
    }
    const std::size_t limit = argc > 2 ? std::size_t(std::atoll(argv[2])) : std::size_t(500000);
    std::vector<LogRequest> requests;
    LogReader reader(LogFormat::Auto, FieldMap(), false);
    reader.readFile(argv[1], 0, [&](std::vector<LogRequest>& batch) {
        for (LogRequest& r : batch)
            if (requests.size() < limit)
                requests.push_back(std::move(r));
    });
    if (requests.empty()) {
        std::fprintf(stderr, "bench_families: %s\n", reader.error().c_str());
        return 2;
    }
    double classicTime = 0, ophTime = 0;
    const std::vector<int> classic = families(requests, minhashClassic, &classicTime);
    const std::vector<int> oph = families(requests, minhashSignature, &ophTime);
    CapabilityRules rules;
    std::string error;
    rules.parse(CapabilityRules::builtIn(), "built-in", &error);
    PromptAnalyzer analyzer(rules);
    const auto start = std::chrono::steady_clock::now();
    std::vector<RequestFeatures> features;
    std::vector<int> ours;
    for (std::size_t from = 0; from < requests.size(); from += LogReader::kBatch) {
        const std::vector<LogRequest> batch(requests.begin() + std::ptrdiff_t(from),
                                            requests.begin() + std::ptrdiff_t(std::min(requests.size(), from + LogReader::kBatch)));
        analyzer.analyze(batch, &features);
        for (const RequestFeatures& f : features)
            ours.push_back(f.family);
    }
    const double oursTime = seconds(start);
    const double n = double(requests.size());
    std::printf("requests: %zu\n", requests.size());
    std::printf("baseline (classic MinHash, 1 thread): %.2f s, %.0f requests/s, %d families\n", classicTime, n / classicTime,
                *std::max_element(classic.begin(), classic.end()) + 1);
    std::printf("one-permutation MinHash, 1 thread:    %.2f s, %.0f requests/s, %d families\n", ophTime, n / ophTime,
                *std::max_element(oph.begin(), oph.end()) + 1);
    std::printf("import's family step (all cores, with capability rules): %.2f s, %.0f requests/s\n", oursTime, n / oursTime);
    std::printf("speed-up over the baseline: %.1fx (one thread), %.1fx (import)\n", classicTime / ophTime, classicTime / oursTime);
    std::printf("pairs grouped differently from the baseline: %.4f\n", disagreement(classic, oph));
    return 0;
}
