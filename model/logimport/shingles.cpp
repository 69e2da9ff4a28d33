// SPDX-License-Identifier: GPL-3.0-or-later
#include "shingles.h"

#define XXH_INLINE_ALL // the hash of a word is a few instructions inlined, a call otherwise
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

// The token stream to shingles: a window of the last kShingleTokens token hashes.
struct ShingleWindow
{
    std::vector<std::uint64_t>* out;
    std::uint64_t window[kShingleTokens] = {};
    int tokens = 0;

    [[gnu::always_inline]] void token(std::uint64_t h) // per word: a call here would cost as much as its work
    {
        for (int k = 0; k + 1 < kShingleTokens; ++k)
            window[k] = window[k + 1];
        window[kShingleTokens - 1] = h;
        if (++tokens >= kShingleTokens) {
            std::uint64_t s = window[0];
            for (int k = 1; k < kShingleTokens; ++k)
                s = mix(s, window[k]);
            out->push_back(s);
        }
    }
};

bool isAsciiWordByte(unsigned char b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_';
}

} // namespace

void shingleHashes(std::string_view text, std::vector<std::uint64_t>* out)
{
    // The hot loop of the import (every byte of every prompt): ASCII words are hashed straight
    // from the text when they need no case folding, and XXH3 is inlined (XXH_INLINE_ALL), so
    // most words cost no copy and no call. The hashes are the same as a byte-by-byte reading.
    out->clear();
    ShingleWindow w{out};
    static const std::uint64_t digitsHash = XXH3_64bits("#", 1);
    std::string word;
    bool digits = false;
    auto endWord = [&]() {
        if (digits)
            w.token(digitsHash);
        else if (!word.empty())
            w.token(XXH3_64bits(word.data(), word.size()));
        word.clear();
        digits = false;
    };
    const std::size_t n = text.size();
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = 0;
    while (i < n) {
        const std::size_t start = i;
        const unsigned char byte = bytes[i];
        if (byte < 0x80) { // ASCII, most of most prompts: no decoding, no script tables
            if (byte >= '0' && byte <= '9') {
                ++i;
                if (!word.empty() && !digits)
                    endWord();
                digits = true;
            } else if (isAsciiWordByte(byte)) {
                if (digits)
                    endWord();
                bool upper = false;
                while (i < n && isAsciiWordByte(bytes[i])) {
                    upper |= bytes[i] >= 'A' && bytes[i] <= 'Z';
                    ++i;
                }
                // A whole word on its own, ended by ASCII (not by a letter of another script that
                // would continue it): hashed in place.
                if (word.empty() && !upper && (i == n || bytes[i] < 0x80)) {
                    w.token(XXH3_64bits(text.data() + start, i - start));
                    continue;
                }
                for (std::size_t k = start; k < i; ++k)
                    word.push_back(char(bytes[k] >= 'A' && bytes[k] <= 'Z' ? bytes[k] - 'A' + 'a' : bytes[k]));
            } else {
                ++i;
                endWord();
            }
            continue;
        }
        const char32_t c = decode(text, &i); // (an overlong form may still decode to ASCII)
        if (c >= '0' && c <= '9') {
            if (!word.empty() && !digits)
                endWord();
            digits = true;
        } else if (isUnspacedScript(c)) {
            endWord();
            w.token(XXH3_64bits(text.data() + start, i - start));
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
    if (w.tokens > 0 && w.tokens < kShingleTokens) {
        std::uint64_t s = w.window[kShingleTokens - w.tokens];
        for (int k = kShingleTokens - w.tokens + 1; k < kShingleTokens; ++k)
            s = mix(s, w.window[k]);
        out->push_back(s);
    }
}

} // namespace hs::logimport
