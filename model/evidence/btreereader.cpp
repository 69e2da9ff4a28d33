// SPDX-License-Identifier: GPL-3.0-or-later
#include "btreereader.h"

#include "evidencedb.h"

#include <QFileInfo>

#include <sqlite3.h>

namespace hs {
namespace {

using namespace btree;

constexpr std::uint32_t kMaxRun = 64;   // pages read in one call
constexpr int kMaxDepth = 20;           // SQLite's own limit on a B-tree's depth
constexpr std::int64_t kLockByte = 0x40000000; // the page holding it is never used (fileformat2.html 1.3)

} // namespace

BtreeReader::BtreeReader() = default;
BtreeReader::~BtreeReader() = default; // closing the connection ends the read transaction

bool BtreeReader::open(const QString& path, std::uint32_t rootPage, const int (&recordIndex)[kScanColumns], QString* why)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return *why = QStringLiteral("a -wal file holds pages"), false;
    QString error;
    m_db = EvidenceDb::open(path, &error);
    if (!m_db)
        return *why = error, false;
    sqlite3* db = m_db->handle();
    // A read transaction: SQLite takes its SHARED lock and keeps it until the connection closes.
    if (sqlite3_exec(db, "BEGIN; SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &m_file) != SQLITE_OK || !m_file || !m_file->pMethods)
        return *why = m_db->lastError(), false;
    unsigned char header[100];
    sqlite3_int64 fileSize = 0;
    if (m_file->pMethods->xRead(m_file, header, sizeof header, 0) != SQLITE_OK ||
        m_file->pMethods->xFileSize(m_file, &fileSize) != SQLITE_OK)
        return *why = QStringLiteral("short header"), false;
    if (header[18] != 1 || header[19] != 1)
        return *why = QStringLiteral("not in rollback-journal mode"), false;
    m_geometry.pageSize = be16(header + 16) == 1 ? 65536 : be16(header + 16);
    if (m_geometry.pageSize < 512 || (m_geometry.pageSize & (m_geometry.pageSize - 1)) || header[20] > 64)
        return *why = QStringLiteral("unexpected page size"), false;
    m_geometry.usable = m_geometry.pageSize - header[20];
    // Auto-vacuum (pointer-map pages) is not read here; nor is a header that asks for incremental
    // vacuum without it, which SQLite's quick_check calls corrupt (found by fuzz_evidence).
    if (be32(header + 52) != 0 || be32(header + 64) != 0)
        return *why = QStringLiteral("auto-vacuum pages"), false;
    // SQLite trusts the header's page count when it was written with the change counter.
    const std::uint32_t inHeader = be32(header + 28);
    const auto inFile = static_cast<std::uint64_t>(fileSize) / m_geometry.pageSize;
    if (inHeader != 0 && be32(header + 92) == be32(header + 24)) {
        if (inHeader > inFile)
            return *why = QStringLiteral("the file is shorter than its header says"), false;
        m_pageCount = inHeader;
    } else {
        m_pageCount = static_cast<std::uint32_t>(std::min<std::uint64_t>(inFile, 0xfffffffeu));
    }
    m_columns.index = m_index;
    m_columns.maxIndex = 0;
    for (int c = 0; c < kScanColumns; ++c) {
        m_index[c] = recordIndex[c];
        m_columns.maxIndex = std::max(m_columns.maxIndex, recordIndex[c]);
    }
    if (m_columns.maxIndex >= 256)
        return *why = QStringLiteral("too many columns"), false;
    m_rootPage = rootPage;
    m_used.assign(std::size_t(m_pageCount) + 1, false);
    m_used[0] = true;
    const std::int64_t lockPage = kLockByte / m_geometry.pageSize + 1;
    if (lockPage <= m_pageCount)
        m_used[static_cast<std::size_t>(lockPage)] = true;
    if (!claimOtherTrees(why))
        return false;
    if (!claimFreelist(be32(header + 32), be32(header + 36)))
        return *why = QStringLiteral("the freelist is not sound"), false;
    if (!claim(rootPage) || !collectLeaves(rootPage))
        return *why = QStringLiteral("unexpected B-tree"), false;
    for (std::size_t p = 1; p < m_used.size(); ++p)
        if (!m_used[p])
            return *why = QStringLiteral("page %1 is never used").arg(p), false;
    return true;
}

bool BtreeReader::claim(std::uint32_t page)
{
    if (page < 1 || page > m_pageCount || m_used[page])
        return false;
    m_used[page] = true;
    return true;
}

// The pages of every other table and index, as SQLite's dbstat walks them (overflow pages
// included): small next to the scanned table. The scanned table must have no index.
bool BtreeReader::claimOtherTrees(QString* why)
{
    QString table;
    QStringList trees{QStringLiteral("sqlite_schema")};
    {
        Statement st = m_db->prepare(QStringLiteral("SELECT name, tbl_name, rootpage FROM sqlite_schema "
                                                    "WHERE type IN ('table', 'index') AND rootpage > 0"));
        while (st.next()) {
            if (st.integer(2) == m_rootPage)
                table = st.text(1);
            trees << st.text(0);
        }
        if (st.failed() || table.isEmpty())
            return *why = QStringLiteral("the schema does not name the table"), false;
    }
    Statement owner = m_db->prepare(QStringLiteral("SELECT tbl_name, rootpage FROM sqlite_schema WHERE name = ?1"));
    Statement pages = m_db->prepare(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ?1"));
    if (!owner.isValid() || !pages.isValid())
        return *why = QStringLiteral("dbstat is not available"), false;
    for (const QString& tree : trees) {
        owner.reset();
        owner.bind(1, tree);
        if (owner.next() && owner.text(0) == table) {
            if (owner.integer(1) == m_rootPage)
                continue;
            return *why = QStringLiteral("the table has an index"), false;
        }
        pages.reset();
        pages.bind(1, tree);
        while (pages.next())
            if (!claim(static_cast<std::uint32_t>(pages.integer(0))))
                return *why = QStringLiteral("page %1 is used twice").arg(pages.integer(0)), false;
        if (pages.failed())
            return *why = pages.error(), false;
    }
    return true;
}

bool BtreeReader::claimFreelist(std::uint32_t trunk, std::uint32_t count)
{
    std::vector<unsigned char> page(m_geometry.pageSize);
    std::uint64_t seen = 0;
    while (trunk != 0) {
        if (!claim(trunk) || !readPages(trunk, 1, page.data()))
            return false;
        const std::uint32_t leaves = be32(page.data() + 4);
        if (leaves > m_geometry.usable / 4 - 2)
            return false;
        for (std::uint32_t i = 0; i < leaves; ++i)
            if (!claim(be32(page.data() + 8 + 4 * i)))
                return false;
        seen += 1 + leaves;
        trunk = be32(page.data());
    }
    return seen == count;
}

bool BtreeReader::readPages(std::uint32_t first, std::uint32_t count, unsigned char* buffer) const
{
    if (first < 1 || count == 0 || first > m_pageCount || count > m_pageCount - first + 1)
        return false;
    const auto bytes = static_cast<int>(count * m_geometry.pageSize);
    return m_file->pMethods->xRead(m_file, buffer, bytes, sqlite3_int64(first - 1) * m_geometry.pageSize) == SQLITE_OK;
}

// Depth-first through interior pages, children in key order. Each child is claimed in the
// page bitmap when it is found, so a page referenced twice (a cycle too) is refused.
bool BtreeReader::collectLeaves(std::uint32_t root)
{
    struct Pending
    {
        std::uint32_t page;
        KeyBounds bounds;
        int depth;
    };
    std::vector<unsigned char> page(m_geometry.pageSize);
    std::vector<Pending> stack{{root, {}, 0}};
    std::vector<Child> children;
    PageScratch scratch;
    int leafDepth = -1;
    while (!stack.empty()) {
        const Pending n = stack.back();
        stack.pop_back();
        if (!readPages(n.page, 1, page.data()))
            return false;
        const unsigned char type = page[n.page == 1 ? 100 : 0];
        if (type == kLeafTable) {
            if (leafDepth >= 0 && n.depth != leafDepth)
                return false; // every leaf lies at the same depth
            leafDepth = n.depth;
            m_leaves.push_back({n.page, n.bounds});
            continue;
        }
        if (n.depth >= kMaxDepth || !interiorChildren(page.data(), n.page, m_geometry, n.bounds, children, scratch))
            return false;
        for (auto it = children.rbegin(); it != children.rend(); ++it) { // the left-most is taken first
            if (!claim(it->page))
                return false;
            stack.push_back({it->page, it->bounds, n.depth + 1});
        }
    }
    return true;
}

bool BtreeReader::read(std::size_t from, std::size_t to, RowSink& sink) const
{
    std::vector<unsigned char> buffer(std::size_t(kMaxRun) * m_geometry.pageSize);
    PageScratch scratch;
    const auto row = [&sink](const RowValues& values) { sink.row(values); };
    for (std::size_t i = from; i < to && i < m_leaves.size();) {
        // Leaves of a freshly written table are mostly consecutive pages: read runs at once.
        std::uint32_t run = 1;
        while (run < kMaxRun && i + run < to && i + run < m_leaves.size() && m_leaves[i + run].page == m_leaves[i].page + run)
            ++run;
        if (sink.stop())
            return true;
        if (!readPages(m_leaves[i].page, run, buffer.data()))
            return false;
        for (std::uint32_t r = 0; r < run; ++r) {
            const Leaf& leaf = m_leaves[i + r];
            if (!leafRows(buffer.data() + std::size_t(r) * m_geometry.pageSize, leaf.page, m_geometry, leaf.bounds,
                          m_columns, scratch, row))
                return false;
        }
        i += run;
    }
    return true;
}

} // namespace hs
