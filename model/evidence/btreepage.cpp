// SPDX-License-Identifier: GPL-3.0-or-later
#include "btreepage.h"

#include <sqlite3.h>

#include <algorithm>

namespace hs::btree {
namespace {

std::uint64_t serialSize(std::uint64_t serial)
{
    static const std::uint64_t sizes[] = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};
    return serial < 12 ? sizes[serial] : (serial - 12) / 2;
}

// One value of a record whose size the caller has checked against the record's end.
void decodeValue(std::uint64_t serial, const unsigned char* p, int* type, std::int64_t* value)
{
    *value = 0;
    switch (serial) {
    case 0: *type = SQLITE_NULL; return;
    case 8: *type = SQLITE_INTEGER; return;
    case 9: *type = SQLITE_INTEGER; *value = 1; return;
    case 7: *type = SQLITE_FLOAT; return;
    default: break;
    }
    if (serial >= 12) {
        *type = (serial & 1) ? SQLITE_TEXT : SQLITE_BLOB;
        return;
    }
    const auto n = static_cast<int>(serialSize(serial));
    std::uint64_t v = (p[0] & 0x80) ? ~std::uint64_t(0) : 0; // sign-extend
    for (int i = 0; i < n; ++i)
        v = (v << 8) | p[i];
    *type = SQLITE_INTEGER;
    *value = static_cast<std::int64_t>(v);
}

} // namespace

std::uint32_t be16(const unsigned char* p) { return std::uint32_t(p[0]) << 8 | p[1]; }
std::uint32_t be32(const unsigned char* p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

unsigned varint(const unsigned char* p, const unsigned char* end, std::uint64_t* out)
{
    std::uint64_t v = 0;
    for (unsigned i = 0; i < 8; ++i) {
        if (p + i >= end)
            return 0;
        v = (v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *out = v;
            return i + 1;
        }
    }
    if (p + 8 >= end)
        return 0;
    *out = (v << 8) | p[8];
    return 9;
}

bool decodeRecord(const unsigned char* record, std::uint64_t size, std::int64_t rowid, const LeafColumns& columns,
                  RowValues& values)
{
    // Every distance below is unsigned and checked against what is left before it is added.
    std::uint64_t headerSize = 0;
    const unsigned k = varint(record, record + size, &headerSize);
    if (!k || headerSize < k || headerSize > size)
        return false;
    const unsigned char* headerEnd = record + headerSize;
    std::uint64_t serials[256];
    std::uint64_t offsets[256];
    std::uint64_t body = headerSize;
    int fields = 0;
    for (const unsigned char* q = record + k; q < headerEnd; ++fields) {
        std::uint64_t serial = 0;
        const unsigned n = varint(q, headerEnd, &serial);
        if (!n || serial == 10 || serial == 11)
            return false;
        q += n;
        const std::uint64_t bytes = serialSize(serial);
        if (bytes > size - body)
            return false;
        if (fields <= columns.maxIndex) {
            serials[fields] = serial;
            offsets[fields] = body;
        }
        body += bytes;
    }
    if (body != size) // the types must account for the whole payload
        return false;
    for (int c = 0; c < kScanColumns; ++c) {
        const int index = columns.index[c];
        if (index == kRowid) {
            values.type[c] = SQLITE_INTEGER;
            values.value[c] = rowid;
        } else if (index < 0 || index >= fields) { // absent, or a short record: NULL (checked by the caller)
            values.type[c] = SQLITE_NULL;
            values.value[c] = 0;
        } else {
            decodeValue(serials[index], record + offsets[index], &values.type[c], &values.value[c]);
        }
    }
    return true;
}

bool pageLayout(const unsigned char* page, std::uint32_t number, const PageGeometry& g, bool leaf,
                std::uint32_t* header, std::uint32_t* cells, std::uint32_t* contentStart)
{
    *header = number == 1 ? 100 : 0;
    const unsigned char* h = page + *header;
    if (h[0] != (leaf ? kLeafTable : kInteriorTable))
        return false;
    *cells = be16(h + 3);
    const std::uint32_t content = be16(h + 5);
    *contentStart = content == 0 ? 65536 : content;
    const std::uint32_t arrayEnd = *header + (leaf ? 8 : 12) + 2 * *cells;
    return arrayEnd <= *contentStart && *contentStart <= g.usable;
}

bool spaceAccounted(const unsigned char* page, std::uint32_t header, std::uint32_t contentStart, const PageGeometry& g,
                    PageScratch& scratch)
{
    std::vector<std::uint32_t>& spans = scratch.spans;
    // SQLite writes cells downwards from the end of the page: usually they come in falling order.
    if (std::is_sorted(spans.rbegin(), spans.rend()))
        std::reverse(spans.begin(), spans.end());
    const std::size_t cellSpans = spans.size();
    for (std::uint32_t at = be16(page + header + 1); at != 0;) {
        if (at < contentStart || at + 4 > g.usable)
            return false;
        const std::uint32_t size = be16(page + at + 2);
        const std::uint32_t next = be16(page + at);
        if (size < 4 || at + size > g.usable || (next != 0 && next <= at + size + 3))
            return false; // freeblocks rise and never touch: the chain ends
        spans.push_back(at << 16 | (at + size - 1));
        at = next;
    }
    if (spans.size() != cellSpans || !std::is_sorted(spans.begin(), spans.end()))
        std::sort(spans.begin(), spans.end());
    std::int64_t last = std::int64_t(contentStart) - 1;
    std::int64_t fragments = 0;
    for (const std::uint32_t s : spans) {
        const std::int64_t first = s >> 16;
        if (first <= last)
            return false; // two uses for one byte
        fragments += first - last - 1;
        last = s & 0xffff;
    }
    fragments += std::int64_t(g.usable) - last - 1;
    return fragments == page[header + 7];
}

bool interiorChildren(const unsigned char* page, std::uint32_t number, const PageGeometry& g, const KeyBounds& bounds,
                      std::vector<Child>& children, PageScratch& scratch)
{
    std::uint32_t header = 0, cells = 0, contentStart = 0;
    if (!pageLayout(page, number, g, false, &header, &cells, &contentStart))
        return false;
    children.clear();
    scratch.spans.clear();
    const unsigned char* end = page + g.usable;
    KeyBounds left = bounds; // the bounds of the next child: above the previous key
    for (std::uint32_t i = 0; i < cells; ++i) {
        const std::uint32_t offset = be16(page + header + 12 + 2 * i);
        if (offset < contentStart || offset + 4 > g.usable)
            return false;
        std::uint64_t key = 0;
        const unsigned k = varint(page + offset + 4, end, &key);
        if (!k)
            return false;
        scratch.spans.push_back(offset << 16 | (offset + 4 + k - 1));
        const auto rowid = static_cast<std::int64_t>(key);
        if (!left.admits(rowid))
            return false; // keys must rise, within what the parent allows
        Child child{be32(page + offset), left};
        child.bounds.hasHi = true;
        child.bounds.hi = rowid;
        children.push_back(child);
        left.hasLo = true;
        left.lo = rowid;
    }
    children.push_back({be32(page + header + 8), left});
    return spaceAccounted(page, header, contentStart, g, scratch);
}

} // namespace hs::btree
