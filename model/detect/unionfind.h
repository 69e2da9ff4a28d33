// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Disjoint sets over dense indexes (path halving, union by size): the connected components of
// the link graphs, i.e. single-linkage clustering.

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace hs::detect {

class UnionFind
{
public:
    explicit UnionFind(std::size_t n) : m_parent(n), m_size(n, 1) { std::iota(m_parent.begin(), m_parent.end(), 0); }
    std::int32_t find(std::int32_t x)
    {
        while (m_parent[std::size_t(x)] != x) {
            m_parent[std::size_t(x)] = m_parent[std::size_t(m_parent[std::size_t(x)])];
            x = m_parent[std::size_t(x)];
        }
        return x;
    }
    void unite(std::int32_t a, std::int32_t b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return;
        if (m_size[std::size_t(a)] < m_size[std::size_t(b)])
            std::swap(a, b);
        m_parent[std::size_t(b)] = a;
        m_size[std::size_t(a)] += m_size[std::size_t(b)];
    }
    std::int32_t sizeOf(std::int32_t x) { return m_size[std::size_t(find(x))]; }

private:
    std::vector<std::int32_t> m_parent, m_size;
};

} // namespace hs::detect
