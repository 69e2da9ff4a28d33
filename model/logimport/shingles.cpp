// SPDX-License-Identifier: GPL-3.0-or-later
#include "shingles.h"

#include <xxhash.h>

#include <string>

namespace hs::logimport {

bool isUnspacedScript(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FA1F) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1780 && c <= 0x17FF) || (c >= 0x1000 && c <= 0x109F) ||
           (c >= 0x0F00 && c <= 0x0FFF);
}

namespace {

// Decodes one UTF-8 sequence; invalid bytes come back as U+FFFD, one byte consumed.
char32_t decode(std::string_view s, std::size_t* i)
{
    const auto b0 = static_cast<unsigned char>(s[*i]);
    if (b0 < 0x80)
        return ++*i, b0;
    int len = b0 >= 0xF0 && b0 < 0xF5 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
    if (len == 0 || *i + std::size_t(len) > s.size())
        return ++*i, 0xFFFD;
    char32_t c = b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[*i + std::size_t(k)]);
        if ((b & 0xC0) != 0x80)
            return ++*i, 0xFFFD;
        c = (c << 6) | (b & 0x3F);
    }
    *i += std::size_t(len);
    return c;
}

// Letters and marks of spaced scripts: everything from U+00C0 up that is not punctuation-like,
// plus ASCII letters. Digits are handled apart.
bool isWordChar(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (c < 0xC0 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) ||
        c == 0xFFFD || (c >= 0xFE30 && c <= 0xFE4F) || c == 0xD7 || c == 0xF7)
        return false; // Latin-1 symbols, general punctuation, arrows, CJK and fullwidth punctuation
    return true;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b)
{
    // Order matters in a shingle: a rotate-multiply combine (splitmix64's finaliser on the sum).
    std::uint64_t x = (a << 21 | a >> 43) ^ (b * 0x9E3779B97F4A7C15ULL);
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

void shingleHashes(std::string_view text, std::vector<std::uint64_t>* out)
{
    out->clear();
    std::uint64_t window[kShingleTokens] = {};
    int tokens = 0;
    std::string word;
    auto emitToken = [&](std::uint64_t h) {
        for (int k = 0; k + 1 < kShingleTokens; ++k)
            window[k] = window[k + 1];
        window[kShingleTokens - 1] = h;
        if (++tokens >= kShingleTokens) {
            std::uint64_t s = window[0];
            for (int k = 1; k < kShingleTokens; ++k)
                s = mix(s, window[k]);
            out->push_back(s);
        }
    };
    bool digits = false;
    auto endWord = [&]() {
        if (digits)
            emitToken(XXH3_64bits("#", 1));
        else if (!word.empty())
            emitToken(XXH3_64bits(word.data(), word.size()));
        word.clear();
        digits = false;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) { // ASCII, most of most prompts: no decoding, no script tables
            ++i;
            if (byte >= '0' && byte <= '9') {
                if (!word.empty() && !digits)
                    endWord();
                digits = true;
            } else if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || byte == '_') {
                if (digits)
                    endWord();
                word.push_back(char(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte));
            } else {
                endWord();
            }
            continue;
        }
        const char32_t c = decode(text, &i);
        if (c >= '0' && c <= '9') {
            if (!word.empty() && !digits)
                endWord();
            digits = true;
        } else if (isUnspacedScript(c)) {
            endWord();
            emitToken(XXH3_64bits(text.data() + start, i - start));
        } else if (isWordChar(c)) {
            if (digits)
                endWord();
            if (c >= 'A' && c <= 'Z')
                word.push_back(char(c - 'A' + 'a'));
            else
                word.append(text.data() + start, i - start);
        } else {
            endWord();
        }
    }
    endWord();
    if (tokens > 0 && tokens < kShingleTokens) {
        std::uint64_t s = window[kShingleTokens - tokens];
        for (int k = kShingleTokens - tokens + 1; k < kShingleTokens; ++k)
            s = mix(s, window[k]);
        out->push_back(s);
    }
}

} // namespace hs::logimport
