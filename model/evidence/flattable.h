// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small open-addressing hash table for the exchange scan's hot path: linear probing,
// power-of-two capacity, keys of three integers. std::unordered_map allocates per node and
// costs several times more per row at 16 million rows.

#include <cstdint>
#include <vector>

namespace hs {

struct CellKey
{
    std::int64_t t = 0; // hour, day or release index
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t c = 0;
    bool operator==(const CellKey&) const = default;
};

template<typename Value>
class FlatTable
{
public:
    struct Slot
    {
        CellKey key;
        Value value{};
        bool used = false;
    };

    FlatTable() { m_slots.resize(1024); }

    Value& operator[](const CellKey& key)
    {
        if ((m_size + 1) * 4 > m_slots.size() * 3)
            grow();
        std::size_t i = hash(key) & (m_slots.size() - 1);
        while (m_slots[i].used) {
            if (m_slots[i].key == key)
                return m_slots[i].value;
            i = (i + 1) & (m_slots.size() - 1);
        }
        m_slots[i].used = true;
        m_slots[i].key = key;
        ++m_size;
        return m_slots[i].value;
    }

    template<typename F>
    void forEach(F&& f) const
    {
        for (const Slot& s : m_slots)
            if (s.used)
                f(s.key, s.value);
    }
    std::size_t size() const { return m_size; }

private:
    static std::size_t hash(const CellKey& k)
    {
        std::uint64_t h = static_cast<std::uint64_t>(k.t) * 0x9E3779B97F4A7C15ull;
        h ^= (static_cast<std::uint64_t>(k.a) << 32 | k.b) * 0xC2B2AE3D27D4EB4Full;
        h ^= static_cast<std::uint64_t>(k.c) * 0x165667B19E3779F9ull;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        m_slots.resize(old.size() * 2);
        m_size = 0;
        for (const Slot& s : old)
            if (s.used)
                (*this)[s.key] = s.value;
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace hs
