// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Names to ids 1, 2, ... in order of first appearance: the writing stage's account lookup, once
// per request (16.55 million at full scale). std::unordered_map cost three or four cache misses a
// lookup (bucket, node, the name's own heap block) and was the largest item of the writing
// stage's CPU time in `perf`; here the (hash, id) slots are one flat array probed linearly and
// the names are packed in one string, so a lookup is a hash and two misses, and the caller can
// prefetch a whole batch's slots before resolving it. The name is always compared: equal hashes
// alone never merge two accounts.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hs::logimport {

class NameIndex
{
public:
    static std::uint64_t hash(std::string_view name);
    void prefetch(std::uint64_t hash) const;
    // The id of `name` (whose hash() is `hash`); a new name gets size() + 1 and sets *added.
    std::int64_t id(std::string_view name, std::uint64_t hash, bool* added);
    bool contains(std::string_view name) const;
    std::size_t size() const { return m_ends.size(); }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::int64_t id = 0; // 0: empty
    };
    std::string_view nameOf(std::int64_t id) const;
    std::size_t find(std::string_view name, std::uint64_t hash) const; // the slot holding it, or the empty one
    void grow();

    std::vector<Slot> m_slots;       // a power of two, at most half full
    std::string m_bytes;             // every name, one after the other
    std::vector<std::size_t> m_ends; // name of id i: m_bytes[m_ends[i - 2], m_ends[i - 1])
};

} // namespace hs::logimport
