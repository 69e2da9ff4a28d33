// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prompt families and capabilities for a stream of requests, batch by batch: the per-request
// work (shingles, MinHash signature, capability rules) runs on every core, the family
// assignment after it in input order on one, so the result does not depend on the number of
// threads. Used by `import` and, over the same requests, by `detect`.

#include "capabilityrules.h"
#include "logrequest.h"
#include "minhash.h"

#include <string>
#include <vector>

namespace hs::logimport {

struct RequestFeatures
{
    int family = -1;        // FamilyIndex family, -1 when the prompt was not logged
    bool newFamily = false; // this request founded its family (its prompt is the sample)
    int capability = 0;     // index into the analyzer's capabilities()
    bool cot = false;
};

class PromptAnalyzer
{
public:
    explicit PromptAnalyzer(const CapabilityRules& rules) : m_rules(rules), m_capabilities(rules.capabilities()) {}

    // features->size() becomes batch.size(). Capability labels from the log (LogRequest::
    // capabilityLabel) win over the rules and extend capabilities().
    void analyze(const std::vector<LogRequest>& batch, std::vector<RequestFeatures>* features);

    const FamilyIndex& families() const { return m_families; }
    const std::vector<std::string>& capabilities() const { return m_capabilities; }

    // Timing of the two stages, for the benchmark (seconds, summed over calls).
    double signatureSeconds() const { return m_signatureSeconds; }
    double assignSeconds() const { return m_assignSeconds; }

private:
    const CapabilityRules& m_rules;
    std::vector<std::string> m_capabilities;
    FamilyIndex m_families;
    std::vector<Signature> m_signatures;
    std::vector<BandKeys> m_bandKeys;
    double m_signatureSeconds = 0;
    double m_assignSeconds = 0;
};

// The first `characters` code points of UTF-8 text (the template sample: 2,000).
std::string firstCharacters(const std::string& text, std::size_t characters);
// The family's fingerprint: "mh1-" and 16 hex digits of a hash of its representative signature.
std::string familyFingerprint(const Signature& representative);

} // namespace hs::logimport
