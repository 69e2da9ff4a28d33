// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Capabilities and chain-of-thought elicitation from prompt text, by phrase rules
// (resources/capability-rules.txt, built in; --rules FILE replaces it). A rules file is lines of
//     CAPABILITY: phrase, phrase, ...
// (# starts a comment). A prompt scores one point per distinct phrase of a capability found in
// it; the highest score wins, ties going to the capability listed first; no phrase at all gives
// `general`. Tool definitions in the request add kToolDefinitionScore to `tool_use`. The pseudo
// capability `cot_elicitation` does not compete: any of its phrases sets the exchange's
// cot_elicitation flag. Matching is on ASCII-lowercased UTF-8 bytes, all phrases at once
// (Aho-Corasick, one pass over the prompt); a phrase of ASCII letters and digits only matches
// whole words, any other phrase (Chinese) matches anywhere.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hs::logimport {

constexpr int kToolDefinitionScore = 2;

struct Classification
{
    int capability = 0;     // index into CapabilityRules::capabilities()
    bool cot = false;
};

class CapabilityRules
{
public:
    // False with *error naming the source and line.
    bool parse(std::string_view text, const std::string& sourceName, std::string* error);
    static std::string_view builtIn();

    // Thread-safe after parse(): the per-call state is the caller's.
    Classification classify(std::string_view prompt, bool hasTools) const;
    // "reasoning", "chain_of_thought", ..., "general" last (added when the file has none).
    const std::vector<std::string>& capabilities() const { return m_capabilities; }
    int indexOf(std::string_view capability) const; // -1 when unknown

private:
    struct Node
    {
        std::vector<int> next;    // by byte class (m_byteClass); completed into a full automaton
        int fail = 0;
        std::vector<int> outputs; // phrase indices ending here (after following fail links)
    };
    struct Phrase
    {
        int capability = -1; // -1: cot_elicitation
        std::size_t length = 0;
        bool wholeWord = false;
    };
    void build();
    int addCapability(const std::string& name);

    std::vector<std::string> m_capabilities;
    std::vector<std::string> m_phraseText;
    std::vector<Phrase> m_phrases;
    std::vector<Node> m_nodes;
    // The automaton, flattened for speed: bytes that occur in no phrase share class 0, so a row
    // has a few dozen entries instead of 256 and the table stays in cache.
    unsigned char m_byteClass[256] = {};
    int m_classes = 1;
    std::vector<int> m_table;        // node * m_classes + class -> the next node * m_classes (~ when it has outputs)
    std::vector<int> m_outputStart;  // node -> first index into m_outputList (node + 1: end)
    std::vector<int> m_outputList;
    std::size_t m_longestPhrase = 0; // in bytes
    int m_general = -1;
    int m_toolUse = -1;
};

} // namespace hs::logimport
