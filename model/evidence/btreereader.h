// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the rows of one rowid table straight from the database file's B-tree pages (format:
// sqlite.org/fileformat2.html), several times faster than stepping a statement through SQLite's
// virtual machine. It handles the common case only: a main file in rollback-journal mode without
// a `-wal`, no auto-vacuum, a rowid table without indexes, records that fit in their page.
//
// Evidence files are hostile, so the reader checks what `PRAGMA quick_check` checks of the
// file's structure before a single figure comes from it: every page of the file is accounted
// for exactly once (the other tables' pages, as SQLite's dbstat lists them, the freelist, and
// this table's tree, walked with a visited-page bitmap), every leaf lies at the same depth, keys
// rise strictly within the bounds each parent gives, and each page passes btreepage.h. Anything
// else makes it refuse, and the caller reads through SQLite after a whole-file quick_check.
//
// Pages are read through SQLite's own file handle while this reader's connection holds a read
// transaction (SQLite's SHARED lock): no writer can change the file under it, and no second
// descriptor is opened and closed on a file SQLite has open (closing one drops SQLite's POSIX
// locks of the whole process on that file).

#include "btreepage.h"
#include "scan.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

struct sqlite3_file;

namespace hs {

class EvidenceDb;

class RowSink
{
public:
    virtual ~RowSink() = default;
    virtual void row(const RowValues& values) = 0;
    virtual bool stop() const = 0; // checked between pages
};

class BtreeReader
{
public:
    BtreeReader();
    ~BtreeReader();
    BtreeReader(const BtreeReader&) = delete;
    BtreeReader& operator=(const BtreeReader&) = delete;

    // recordIndex[c]: the column's position in the record, kRowid for the INTEGER PRIMARY KEY,
    // kAbsent for a column the table lacks (read as NULL). False, with a reason, when the fast
    // path does not apply or the file's structure is not sound.
    static constexpr int kRowid = btree::kRowid;
    static constexpr int kAbsent = btree::kAbsent;
    bool open(const QString& path, std::uint32_t rootPage, const int (&recordIndex)[kScanColumns], QString* why);

    std::size_t leafCount() const { return m_leaves.size(); }
    // Reads leaves [from, to) in key order; false when a page is not what it should be.
    bool read(std::size_t from, std::size_t to, RowSink& sink) const;

private:
    struct Leaf
    {
        std::uint32_t page = 0;
        btree::KeyBounds bounds;
    };
    bool readPages(std::uint32_t first, std::uint32_t count, unsigned char* buffer) const;
    bool claim(std::uint32_t page);
    bool claimOtherTrees(QString* why);
    bool claimFreelist(std::uint32_t trunk, std::uint32_t count);
    bool collectLeaves(std::uint32_t root);

    std::unique_ptr<EvidenceDb> m_db; // holds the read transaction for as long as the reader lives
    sqlite3_file* m_file = nullptr;
    btree::PageGeometry m_geometry;
    std::uint32_t m_pageCount = 0;
    std::uint32_t m_rootPage = 0;
    int m_index[kScanColumns] = {};
    btree::LeafColumns m_columns;
    std::vector<bool> m_used; // pages accounted for, by page number
    std::vector<Leaf> m_leaves;
};

} // namespace hs
