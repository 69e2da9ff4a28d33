// SPDX-License-Identifier: GPL-3.0-or-later
#include "promptanalyzer.h"

#include "shingles.h"

#include <QtConcurrent/QtConcurrentMap>

#include <xxhash.h>

#include <chrono>
#include <cstdio>
#include <numeric>

namespace hs::logimport {

namespace {
double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

void PromptAnalyzer::analyze(const std::vector<LogRequest>& batch, std::vector<RequestFeatures>* features)
{
    const auto start = std::chrono::steady_clock::now();
    features->assign(batch.size(), RequestFeatures{});
    m_signatures.resize(batch.size());
    m_bandKeys.resize(batch.size());
    // Work in chunks of 256 requests: small enough to balance two cores, large enough that
    // QtConcurrent's per-item cost does not show.
    constexpr std::size_t kChunk = 256;
    std::vector<std::size_t> chunks((batch.size() + kChunk - 1) / kChunk);
    std::iota(chunks.begin(), chunks.end(), std::size_t(0));
    QtConcurrent::blockingMap(chunks, [&](std::size_t chunk) {
        thread_local std::vector<std::uint64_t> shingles;
        for (std::size_t i = chunk * kChunk; i < std::min(batch.size(), (chunk + 1) * kChunk); ++i) {
            const LogRequest& r = batch[i];
            shingleHashes(r.prompt, &shingles);
            minhashSignature(shingles, &m_signatures[i]);
            if (!m_signatures[i].empty)
                bandKeys(m_signatures[i], &m_bandKeys[i]);
            const Classification c = m_rules.classify(r.prompt, r.hasTools);
            (*features)[i].capability = c.capability;
            (*features)[i].cot = c.cot;
        }
    });
    const auto assigned = std::chrono::steady_clock::now();
    m_signatureSeconds += secondsSince(start);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        RequestFeatures& f = (*features)[i];
        if (!m_signatures[i].empty)
            f.family = m_families.assign(m_signatures[i], m_bandKeys[i], &f.newFamily);
        if (!batch[i].capabilityLabel.empty()) {
            const std::string& label = batch[i].capabilityLabel;
            auto it = std::find(m_capabilities.begin(), m_capabilities.end(), label);
            if (it == m_capabilities.end())
                it = m_capabilities.insert(m_capabilities.end(), label);
            f.capability = int(it - m_capabilities.begin());
        }
    }
    m_assignSeconds += secondsSince(assigned);
}

std::string firstCharacters(const std::string& text, std::size_t characters)
{
    std::size_t i = 0, count = 0;
    while (i < text.size() && count < characters) {
        const auto b = static_cast<unsigned char>(text[i]);
        i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        ++count;
    }
    return text.substr(0, std::min(i, text.size()));
}

std::string familyFingerprint(const Signature& representative)
{
    const std::uint64_t h = XXH3_64bits(representative.bins.data(), sizeof representative.bins);
    char text[24];
    std::snprintf(text, sizeof text, "mh1-%016llx", static_cast<unsigned long long>(h));
    return text;
}

} // namespace hs::logimport
