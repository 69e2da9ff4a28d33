// SPDX-License-Identifier: GPL-3.0-or-later
#include "btreereader.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstring>

namespace hs {
namespace {

constexpr unsigned char kLeafTable = 0x0D;
constexpr unsigned char kInteriorTable = 0x05;
constexpr std::uint32_t kMaxRun = 64; // pages read in one call

std::uint32_t be16(const unsigned char* p) { return std::uint32_t(p[0]) << 8 | p[1]; }
std::uint32_t be32(const unsigned char* p)
{
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// SQLite varint (1..9 bytes, big-endian groups of 7 bits, the ninth byte whole). Returns the
// number of bytes read, 0 when it would run past `end`.
int varint(const unsigned char* p, const unsigned char* end, std::uint64_t* out)
{
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
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

// Reads one integer value of a record; false for a type the scan treats as wrong (text, real...).
void decode(std::uint64_t serial, const unsigned char* p, int* type, std::int64_t* value)
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
    static const int sizes[] = {0, 1, 2, 3, 4, 6, 8};
    const int n = sizes[serial];
    std::uint64_t v = (p[0] & 0x80) ? ~std::uint64_t(0) : 0; // sign-extend
    for (int i = 0; i < n; ++i)
        v = (v << 8) | p[i];
    *type = SQLITE_INTEGER;
    *value = static_cast<std::int64_t>(v);
}

std::uint64_t serialSize(std::uint64_t serial)
{
    static const std::uint64_t sizes[] = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};
    return serial < 12 ? sizes[serial] : (serial - 12) / 2;
}

} // namespace

BtreeReader::~BtreeReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool BtreeReader::open(const QString& path, std::uint32_t rootPage, const int (&recordIndex)[kScanColumns], QString* why)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return *why = QStringLiteral("a -wal file holds pages"), false;
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return *why = QStringLiteral("cannot open"), false;
    unsigned char header[100];
    if (::pread(m_fd, header, sizeof header, 0) != sizeof header)
        return *why = QStringLiteral("short header"), false;
    m_pageSize = be16(header + 16) == 1 ? 65536 : be16(header + 16);
    if (m_pageSize < 512 || (m_pageSize & (m_pageSize - 1)) || header[20] > 64)
        return *why = QStringLiteral("unexpected page size"), false;
    m_usable = m_pageSize - header[20];
    const off_t size = ::lseek(m_fd, 0, SEEK_END);
    m_pageCount = static_cast<std::uint32_t>(size / m_pageSize);
    m_maxIndex = 0;
    for (int c = 0; c < kScanColumns; ++c) {
        m_index[c] = recordIndex[c];
        m_maxIndex = std::max(m_maxIndex, recordIndex[c]);
    }
    if (m_maxIndex >= 256)
        return *why = QStringLiteral("too many columns"), false;
    if (rootPage < 1 || rootPage > m_pageCount || !collectLeaves(rootPage))
        return *why = QStringLiteral("unexpected B-tree"), false;
    return true;
}

bool BtreeReader::readPages(std::uint32_t first, std::uint32_t count, unsigned char* buffer) const
{
    if (first < 1 || count == 0 || first + count - 1 > m_pageCount)
        return false;
    const std::size_t bytes = std::size_t(count) * m_pageSize;
    return ::pread(m_fd, buffer, bytes, off_t(first - 1) * m_pageSize) == static_cast<ssize_t>(bytes);
}

// Depth-first through interior pages, children in key order; bounded so a cycle cannot hang.
bool BtreeReader::collectLeaves(std::uint32_t root)
{
    std::vector<unsigned char> page(m_pageSize);
    std::vector<std::uint32_t> stack{root};
    std::size_t visited = 0;
    while (!stack.empty()) {
        const std::uint32_t n = stack.back();
        stack.pop_back();
        if (++visited > m_pageCount || !readPages(n, 1, page.data()))
            return false;
        const unsigned char* h = page.data() + (n == 1 ? 100 : 0);
        if (h[0] == kLeafTable) {
            m_leaves.push_back(n);
            continue;
        }
        if (h[0] != kInteriorTable)
            return false;
        const std::uint32_t cells = be16(h + 3);
        if (12 + 2 * cells > m_usable)
            return false;
        stack.push_back(be32(h + 8)); // the right-most child comes last: push it first
        for (std::uint32_t i = cells; i-- > 0;) {
            const std::uint32_t off = be16(h + 12 + 2 * i);
            if (off + 4 > m_usable)
                return false;
            stack.push_back(be32(page.data() + off));
        }
    }
    return true;
}

bool BtreeReader::parseLeaf(const unsigned char* page, std::uint32_t number, RowSink& sink) const
{
    const unsigned char* h = page + (number == 1 ? 100 : 0);
    if (h[0] != kLeafTable)
        return false;
    const std::uint32_t cells = be16(h + 3);
    if (std::uint32_t(h - page) + 8 + 2 * cells > m_usable)
        return false;
    const unsigned char* end = page + m_usable;
    const std::uint64_t maxLocal = m_usable - 35;
    const std::uint64_t minLocal = (m_usable - 12) * 32 / 255 - 23;
    std::uint64_t serials[256];
    const unsigned char* fields[256];
    RowValues values{};
    for (std::uint32_t i = 0; i < cells; ++i) {
        const std::uint32_t off = be16(h + 8 + 2 * i);
        if (off >= m_usable)
            return false;
        const unsigned char* p = page + off;
        std::uint64_t payload = 0, rowid = 0, headerSize = 0;
        int k = varint(p, end, &payload);
        if (!k)
            return false;
        p += k;
        if (!(k = varint(p, end, &rowid)))
            return false;
        p += k;
        std::uint64_t local = payload;
        if (payload > maxLocal) { // the rest lives on overflow pages: only the local part is read
            local = minLocal + (payload - minLocal) % (m_usable - 4);
            if (local > maxLocal)
                local = minLocal;
        }
        if (local > std::uint64_t(end - p))
            return false;
        const unsigned char* payloadEnd = p + local;
        if (!(k = varint(p, payloadEnd, &headerSize)) || headerSize > local)
            return false;
        const unsigned char* q = p + k;
        const unsigned char* headerEnd = p + headerSize;
        const unsigned char* body = headerEnd;
        int fieldCount = 0;
        while (q < headerEnd && fieldCount <= m_maxIndex) {
            if (!(k = varint(q, headerEnd, &serials[fieldCount])) || serials[fieldCount] == 10 || serials[fieldCount] == 11)
                return false;
            q += k;
            fields[fieldCount] = body;
            body += serialSize(serials[fieldCount]);
            ++fieldCount;
        }
        for (int c = 0; c < kScanColumns; ++c) {
            const int index = m_index[c];
            if (index == kRowid) {
                values.type[c] = SQLITE_INTEGER;
                values.value[c] = static_cast<std::int64_t>(rowid);
            } else if (index == kAbsent || index >= fieldCount) { // a short record: NULL (checked by the caller)
                values.type[c] = SQLITE_NULL;
                values.value[c] = 0;
            } else {
                const std::uint64_t serial = serials[index];
                if (serial < 12 && fields[index] + serialSize(serial) > payloadEnd)
                    return false;
                decode(serial, fields[index], &values.type[c], &values.value[c]);
            }
        }
        sink.row(values);
    }
    return true;
}

bool BtreeReader::read(std::size_t from, std::size_t to, RowSink& sink) const
{
    std::vector<unsigned char> buffer(std::size_t(kMaxRun) * m_pageSize);
    for (std::size_t i = from; i < to && i < m_leaves.size();) {
        // Leaves of a freshly written table are mostly consecutive pages: read runs at once.
        std::uint32_t run = 1;
        while (run < kMaxRun && i + run < to && m_leaves[i + run] == m_leaves[i] + run)
            ++run;
        if (sink.stop())
            return true;
        if (!readPages(m_leaves[i], run, buffer.data()))
            return false;
        for (std::uint32_t r = 0; r < run; ++r)
            if (!parseLeaf(buffer.data() + std::size_t(r) * m_pageSize, m_leaves[i] + r, sink))
                return false;
        i += run;
    }
    return true;
}

} // namespace hs
