// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The checks of one table B-tree page (format: sqlite.org/fileformat2.html), as strict as SQLite's
// own `PRAGMA quick_check` for the structure of a page: cell pointers inside the page, cells and
// freeblocks that never overlap and account for every byte with the header's fragment count,
// keys that rise strictly within the bounds the parent page gives, and records whose header
// types add up exactly to the payload. Every offset is an unsigned distance checked against the
// end of what holds it before it is used; nothing is computed past the page.

#include "scan.h"

#include <cstdint>
#include <vector>

namespace hs::btree {

constexpr unsigned char kLeafTable = 0x0D;
constexpr unsigned char kInteriorTable = 0x05;

// Keys a page may hold: greater than `lo` (when hasLo), at most `hi` (when hasHi).
struct KeyBounds
{
    bool hasLo = false;
    bool hasHi = false;
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    bool admits(std::int64_t key) const { return (!hasLo || key > lo) && (!hasHi || key <= hi); }
};

struct PageGeometry
{
    std::uint32_t pageSize = 0;
    std::uint32_t usable = 0; // page size less the reserved bytes at the end of each page
};

// One interior page's children in key order (the right-most last), with each child's bounds.
struct Child
{
    std::uint32_t page = 0;
    KeyBounds bounds;
};

// Reused between pages so the hot path allocates nothing.
struct PageScratch
{
    std::vector<std::uint32_t> spans; // first << 16 | last byte of every cell and freeblock
};

std::uint32_t be16(const unsigned char* p);
std::uint32_t be32(const unsigned char* p);
// SQLite varint; the number of bytes read, 0 when it would run past `end`.
unsigned varint(const unsigned char* p, const unsigned char* end, std::uint64_t* out);

// `page` holds pageSize bytes; `number` is its page number (page 1 has the file header first).
// False when the page is not a valid interior table page within `bounds`.
bool interiorChildren(const unsigned char* page, std::uint32_t number, const PageGeometry& g, const KeyBounds& bounds,
                      std::vector<Child>& children, PageScratch& scratch);

// What a leaf's rows are read into.
struct LeafColumns
{
    const int* index = nullptr; // per scanned column: record position, or kRowid / kAbsent
    int maxIndex = 0;
};
constexpr int kRowid = -1;
constexpr int kAbsent = -2;

// Calls row(values) for each cell of a valid leaf table page within `bounds`; false (possibly
// after some rows) when the page is not valid or holds what the direct reader does not read
// (a record that overflows its page). The caller discards everything on false.
template<typename RowFn>
bool leafRows(const unsigned char* page, std::uint32_t number, const PageGeometry& g, const KeyBounds& bounds,
              const LeafColumns& columns, PageScratch& scratch, RowFn&& row);

// Implementation detail of leafRows: one record's wanted values; false when it is malformed.
bool decodeRecord(const unsigned char* record, std::uint64_t size, std::int64_t rowid, const LeafColumns& columns,
                  RowValues& values);
// The cell content area and pointer array of a page checked; the cells' spans start there.
bool pageLayout(const unsigned char* page, std::uint32_t number, const PageGeometry& g, bool leaf,
                std::uint32_t* header, std::uint32_t* cells, std::uint32_t* contentStart);
// Cells and freeblocks neither overlap nor leave bytes the fragment count does not explain.
bool spaceAccounted(const unsigned char* page, std::uint32_t header, std::uint32_t contentStart, const PageGeometry& g,
                    PageScratch& scratch);

template<typename RowFn>
bool leafRows(const unsigned char* page, std::uint32_t number, const PageGeometry& g, const KeyBounds& bounds,
              const LeafColumns& columns, PageScratch& scratch, RowFn&& row)
{
    std::uint32_t header = 0, cells = 0, contentStart = 0;
    if (!pageLayout(page, number, g, true, &header, &cells, &contentStart))
        return false;
    const unsigned char* end = page + g.usable;
    const std::uint64_t maxLocal = g.usable - 35;
    scratch.spans.clear();
    RowValues values{};
    bool havePrevious = false;
    std::int64_t previous = 0;
    for (std::uint32_t i = 0; i < cells; ++i) {
        const std::uint32_t offset = be16(page + header + 8 + 2 * i);
        if (offset < contentStart || offset + 4 > g.usable)
            return false;
        const unsigned char* p = page + offset;
        std::uint64_t payload = 0, key = 0;
        unsigned k = varint(p, end, &payload);
        if (!k)
            return false;
        unsigned used = k;
        if (!(k = varint(p + used, end, &key)))
            return false;
        used += k;
        // A record that spills onto overflow pages: not read here (SQLite reads it).
        if (payload > maxLocal || payload > std::uint64_t(g.usable - offset - used))
            return false;
        const auto size = std::max<std::uint32_t>(4, used + static_cast<std::uint32_t>(payload));
        if (offset + size > g.usable)
            return false;
        scratch.spans.push_back(offset << 16 | (offset + size - 1));
        const auto rowid = static_cast<std::int64_t>(key);
        if ((havePrevious && rowid <= previous) || !bounds.admits(rowid))
            return false;
        havePrevious = true;
        previous = rowid;
        if (!decodeRecord(p + used, payload, rowid, columns, values))
            return false;
        row(values);
    }
    return spaceAccounted(page, header, contentStart, g, scratch);
}

} // namespace hs::btree
