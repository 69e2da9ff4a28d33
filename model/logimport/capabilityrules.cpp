// SPDX-License-Identifier: GPL-3.0-or-later
#include "capabilityrules.h"

#include <algorithm>
#include <queue>

namespace hs::logimport {

namespace {

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

} // namespace

int CapabilityRules::addCapability(const std::string& name)
{
    for (std::size_t i = 0; i < m_capabilities.size(); ++i)
        if (m_capabilities[i] == name)
            return int(i);
    m_capabilities.push_back(name);
    return int(m_capabilities.size() - 1);
}

int CapabilityRules::indexOf(std::string_view capability) const
{
    for (std::size_t i = 0; i < m_capabilities.size(); ++i)
        if (m_capabilities[i] == capability)
            return int(i);
    return -1;
}

bool CapabilityRules::parse(std::string_view text, const std::string& sourceName, std::string* error)
{
    m_capabilities.clear();
    m_longestPhrase = 0;
    m_phraseText.clear();
    m_phrases.clear();
    int lineNumber = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++lineNumber;
        if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty())
            continue;
        const std::size_t colon = line.find(':');
        const std::string_view name = colon == std::string_view::npos ? std::string_view() : trim(line.substr(0, colon));
        if (name.empty() || name.find_first_of(" \t,") != std::string_view::npos) {
            *error = sourceName + " line " + std::to_string(lineNumber) + ": expected 'capability: phrase, phrase, ...'";
            return false;
        }
        const int capability = name == "cot_elicitation" ? -1 : addCapability(std::string(name));
        std::string_view phrases = line.substr(colon + 1);
        while (!phrases.empty()) {
            const std::size_t comma = phrases.find(',');
            const std::string_view p = trim(phrases.substr(0, comma));
            phrases = comma == std::string_view::npos ? std::string_view() : phrases.substr(comma + 1);
            if (p.empty())
                continue;
            std::string phrase;
            for (const char c : p)
                phrase.push_back(lower(c));
            Phrase info;
            info.capability = capability;
            info.length = phrase.size();
            info.wholeWord = std::all_of(phrase.begin(), phrase.end(),
                                         [](char c) { return isWordByte(c) || c == ' ' || c == '-'; });
            m_longestPhrase = std::max(m_longestPhrase, phrase.size());
            m_phraseText.push_back(std::move(phrase));
            m_phrases.push_back(info);
        }
    }
    m_general = addCapability("general");
    m_toolUse = addCapability("tool_use");
    build();
    return true;
}

void CapabilityRules::build()
{
    std::fill(std::begin(m_byteClass), std::end(m_byteClass), 0);
    m_classes = 1;
    for (const std::string& phrase : m_phraseText)
        for (const char c : phrase) {
            unsigned char& cls = m_byteClass[static_cast<unsigned char>(c)];
            if (cls == 0)
                cls = static_cast<unsigned char>(m_classes++);
        }
    // Upper-case ASCII reads as lower case: the same class.
    for (int c = 'A'; c <= 'Z'; ++c)
        m_byteClass[c] = m_byteClass[c - 'A' + 'a'];
    const auto classes = std::size_t(m_classes);
    m_nodes.assign(1, Node{});
    m_nodes[0].next.assign(classes, -1);
    for (std::size_t p = 0; p < m_phraseText.size(); ++p) {
        int node = 0;
        for (const char c : m_phraseText[p]) {
            const std::size_t b = m_byteClass[static_cast<unsigned char>(c)];
            if (m_nodes[std::size_t(node)].next[b] < 0) {
                m_nodes[std::size_t(node)].next[b] = int(m_nodes.size());
                m_nodes.push_back(Node{});
                m_nodes.back().next.assign(classes, -1);
            }
            node = m_nodes[std::size_t(node)].next[b];
        }
        m_nodes[std::size_t(node)].outputs.push_back(int(p));
    }
    // Breadth first: fail links, then the goto function completed into a full automaton.
    std::queue<int> queue;
    for (int& n : m_nodes[0].next) {
        if (n < 0)
            n = 0;
        else {
            m_nodes[std::size_t(n)].fail = 0;
            queue.push(n);
        }
    }
    // Class 0 (bytes in no phrase) always returns to the root.
    while (!queue.empty()) {
        const int u = queue.front();
        queue.pop();
        for (std::size_t b = 0; b < classes; ++b) {
            const int v = m_nodes[std::size_t(u)].next[b];
            const int viaFail = m_nodes[std::size_t(m_nodes[std::size_t(u)].fail)].next[b];
            if (v < 0) {
                m_nodes[std::size_t(u)].next[b] = viaFail;
                continue;
            }
            m_nodes[std::size_t(v)].fail = viaFail;
            const std::vector<int>& inherited = m_nodes[std::size_t(viaFail)].outputs;
            m_nodes[std::size_t(v)].outputs.insert(m_nodes[std::size_t(v)].outputs.end(), inherited.begin(), inherited.end());
            queue.push(v);
        }
    }
    m_table.clear();
    m_outputStart.clear();
    m_outputList.clear();
    // An entry is the next node's row offset (node * classes: no multiplication per byte),
    // bit-inverted (negative) when that node has outputs, so the scan tests one sign per byte.
    for (const Node& n : m_nodes) {
        for (const int next : n.next) {
            const int offset = next * m_classes;
            m_table.push_back(m_nodes[std::size_t(next)].outputs.empty() ? offset : ~offset);
        }
        m_outputStart.push_back(int(m_outputList.size()));
        m_outputList.insert(m_outputList.end(), n.outputs.begin(), n.outputs.end());
    }
    m_outputStart.push_back(int(m_outputList.size()));
    m_nodes.clear();
}

Classification CapabilityRules::classify(std::string_view prompt, bool hasTools) const
{
    thread_local std::vector<unsigned char> seen;
    thread_local std::vector<int> scores;
    seen.assign(m_phrases.size(), 0);
    scores.assign(m_capabilities.size(), 0);
    Classification result;
    const int* table = m_table.data();
    const auto* bytes = reinterpret_cast<const unsigned char*>(prompt.data());
    const std::size_t n = prompt.size();
    // A phrase ending at byte i (the automaton at node row / m_classes): counted once per prompt.
    const auto found = [&](int row, std::size_t i) {
        const auto node = std::size_t(row / m_classes);
        const int outEnd = m_outputStart[node + 1];
        for (int o = m_outputStart[node]; o < outEnd; ++o) {
            const int p = m_outputList[std::size_t(o)];
            if (seen[std::size_t(p)])
                continue;
            const Phrase& phrase = m_phrases[std::size_t(p)];
            if (phrase.wholeWord) {
                const std::size_t start = i + 1 - phrase.length;
                if ((start > 0 && isWordByte(prompt[start - 1])) || (i + 1 < n && isWordByte(prompt[i + 1])))
                    continue;
            }
            seen[std::size_t(p)] = 1;
            if (phrase.capability < 0)
                result.cot = true;
            else
                ++scores[std::size_t(phrase.capability)];
        }
    };
    const auto step = [&](int* row, std::size_t i) __attribute__((always_inline)) {
        const int next = table[std::size_t(*row) + m_byteClass[bytes[i]]];
        if (next >= 0) {
            *row = next;
        } else {
            *row = ~next;
            found(*row, i);
        }
    };
    // Each byte's step waits for the previous one's table load. Four automata over four parts of
    // a long prompt, stepped in turn, overlap those waits. Each part starts m_longestPhrase - 1
    // bytes early, so a phrase across a boundary is still found whole; a phrase found twice
    // counts once (seen), so the result is that of one pass.
    constexpr std::size_t kStreams = 4;
    std::size_t from = 0;
    if (n >= 64 * kStreams && n / kStreams > m_longestPhrase) {
        const std::size_t part = n / kStreams, overlap = m_longestPhrase > 0 ? m_longestPhrase - 1 : 0;
        std::size_t begin[kStreams];
        int rows[kStreams] = {};
        for (std::size_t k = 0; k < kStreams; ++k)
            begin[k] = k == 0 ? 0 : k * part - overlap;
        for (std::size_t j = 0; j < part; ++j)
            for (std::size_t k = 0; k < kStreams; ++k)
                step(&rows[k], begin[k] + j);
        // Parts 1..3 have `overlap` bytes more, the last also n % kStreams.
        for (std::size_t k = 1; k < kStreams; ++k) {
            const std::size_t end = k + 1 < kStreams ? (k + 1) * part : n;
            for (std::size_t i = begin[k] + part; i < end; ++i)
                step(&rows[k], i);
        }
        from = n; // all done
    }
    int row = 0; // the current node's row offset
    for (std::size_t i = from; i < n; ++i)
        step(&row, i);
    if (hasTools)
        scores[std::size_t(m_toolUse)] += kToolDefinitionScore;
    int best = m_general;
    int bestScore = 0;
    for (std::size_t c = 0; c < scores.size(); ++c)
        if (scores[c] > bestScore) {
            best = int(c);
            bestScore = scores[c];
        }
    result.capability = best;
    return result;
}

} // namespace hs::logimport
