// SPDX-License-Identifier: GPL-3.0-or-later
#include "nameindex.h"

#include <xxhash.h>

namespace hs::logimport {

std::uint64_t NameIndex::hash(std::string_view name)
{
    return XXH3_64bits(name.data(), name.size());
}

void NameIndex::prefetch(std::uint64_t hash) const
{
    if (!m_slots.empty())
        __builtin_prefetch(&m_slots[hash & (m_slots.size() - 1)]);
}

std::string_view NameIndex::nameOf(std::int64_t id) const
{
    const auto i = std::size_t(id - 1);
    const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
    return std::string_view(m_bytes).substr(begin, m_ends[i] - begin);
}

std::size_t NameIndex::find(std::string_view name, std::uint64_t hash) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].id != 0 && (m_slots[i].hash != hash || nameOf(m_slots[i].id) != name))
        i = (i + 1) & mask;
    return i;
}

std::int64_t NameIndex::id(std::string_view name, std::uint64_t hash, bool* added)
{
    *added = false;
    if (2 * (m_ends.size() + 1) > m_slots.size())
        grow();
    const std::size_t i = find(name, hash);
    if (m_slots[i].id != 0)
        return m_slots[i].id;
    m_bytes.append(name);
    m_ends.push_back(m_bytes.size());
    m_slots[i] = Slot{hash, std::int64_t(m_ends.size())};
    *added = true;
    return m_slots[i].id;
}

bool NameIndex::contains(std::string_view name) const
{
    return !m_slots.empty() && m_slots[find(name, hash(name))].id != 0;
}

void NameIndex::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot& s : old)
        if (s.id != 0) {
            std::size_t i = s.hash & mask;
            while (m_slots[i].id != 0)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
}

} // namespace hs::logimport
