// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Compact per-exchange columns, kept for the dashboard (not for `analyze`): every figure of an
// arbitrary selection (accounts and prompt families in a time range, for one model or capability)
// is computed exactly from them in one pass. 16 bytes a row: about 265 MB at 16.5 million rows.
//
// Packing limits (documented in docs/format.md): timestamps 1970..2106, at most 63 models,
// 511 capabilities and 65,534 prompt families, exchange ids within 2^32 of the smallest. A file beyond them loads without columns; the
// views then fall back to hour and day aggregates and say so.

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace hs {

constexpr std::uint32_t kMaxColumnModels = 63;
constexpr std::uint32_t kMaxColumnCapabilities = 511;
constexpr std::uint16_t kNoTemplate = 0xffff;

// model (6 bits) | capability (9 bits) | cot (1 bit)
inline std::uint16_t packKind(std::uint32_t model, std::uint32_t capability, std::uint32_t cot)
{
    return static_cast<std::uint16_t>((model & 0x3f) | ((capability & 0x1ff) << 6) | ((cot & 1) << 15));
}
inline std::uint32_t kindModel(std::uint16_t k) { return k & 0x3fu; }
inline std::uint32_t kindCapability(std::uint16_t k) { return (k >> 6) & 0x1ffu; }
inline bool kindCot(std::uint16_t k) { return (k >> 15) != 0; }

template<typename T>
struct Column
{
    std::unique_ptr<T[]> data; // default-initialised: pages are touched only when written
    T operator[](std::size_t i) const { return data[i]; }
};

struct ExchangeColumns
{
    std::size_t size = 0;
    std::int64_t idBase = 0;        // the smallest exchange id
    Column<std::uint32_t> id;       // id - idBase: rows are in id order, so the exchanges view reads by rowid
    Column<std::uint32_t> ts;      // Unix seconds
    Column<std::uint32_t> account; // account index; only rows of campaign and baseline accounts are kept
    Column<std::uint16_t> kind;    // packKind()
    Column<std::uint16_t> tmpl;    // template index or kNoTemplate
    // The smallest and largest ts of each kTsBlock rows: a pass over a time range skips the blocks
    // that cannot hold it (ids roughly follow time in every writer we know, so a 3-day range of
    // the full-scale file touches about 4% of the blocks; a shuffled file only loses the skip).
    static constexpr std::size_t kTsBlock = 4096;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> blockTs;
    bool blockMayHold(std::size_t block, std::int64_t from, std::int64_t to) const
    {
        return block >= blockTs.size() || (std::int64_t(blockTs[block].second) >= from && std::int64_t(blockTs[block].first) < to);
    }
};

} // namespace hs
