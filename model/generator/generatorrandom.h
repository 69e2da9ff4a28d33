// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Deterministic randomness for the synthetic investigation generator.

#include <QString>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace hs::generator {

// xoshiro256** seeded by splitmix64: the same numbers on every platform and compiler, which the
// standard distributions do not promise.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& s : m_s) {
            seed += 0x9E3779B97F4A7C15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            s = z ^ (z >> 31);
        }
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    std::int64_t below(std::int64_t n) { return n <= 0 ? 0 : static_cast<std::int64_t>(next() % std::uint64_t(n)); }
    bool chance(double p) { return uniform() < p; }
    QString hex(int digits)
    {
        QString s;
        while (s.size() < digits)
            s += QString::number(next(), 16).rightJustified(16, QLatin1Char('0'));
        return s.left(digits);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

// Picks an index with probability proportional to its weight, by binary search over the sums.
class Picker
{
public:
    Picker() = default;
    explicit Picker(const std::vector<double>& weights)
    {
        double sum = 0;
        for (double w : weights)
            m_sums.push_back(sum += w);
    }
    std::size_t pick(Rng& rng) const
    {
        const double x = rng.uniform() * m_sums.back();
        return static_cast<std::size_t>(std::upper_bound(m_sums.begin(), m_sums.end(), x) - m_sums.begin());
    }
    bool empty() const { return m_sums.empty(); }

private:
    std::vector<double> m_sums;
};

} // namespace hs::generator
