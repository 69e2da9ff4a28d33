// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prompt text to shingles, the same way in every script: the text becomes a stream of tokens, a
// word per token in scripts that put spaces between words (Latin, Cyrillic, Greek, Arabic,
// Hebrew, Devanagari, Hangul...) and a character per token in scripts that do not (Han,
// Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan); a shingle is kShingleTokens
// consecutive tokens. So "word 3-shingles" in English and "character 3-grams" in Chinese come
// out of one rule, and mixed text works. ASCII letters are folded to lower case and every run of
// digits becomes one "#" token: templates vary their numbers.

#include <cstdint>
#include <string_view>
#include <vector>

namespace hs::logimport {

constexpr int kShingleTokens = 3;

// 64-bit hashes of the text's shingles (duplicates kept; MinHash does not care). A text of
// fewer than kShingleTokens tokens gives one shingle of all of them; an empty one, none.
void shingleHashes(std::string_view text, std::vector<std::uint64_t>* out);

// True for a code point of a script written without spaces between words.
bool isUnspacedScript(char32_t c);

} // namespace hs::logimport
