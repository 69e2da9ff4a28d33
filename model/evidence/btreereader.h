// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the rows of one rowid table straight from the database file's B-tree pages (format:
// sqlite.org/fileformat2.html), several times faster than stepping a statement through SQLite's
// virtual machine. It handles the common case only: a main file without a `-wal`, a rowid table,
// records whose wanted columns lie in the page. Anything else (overflowing records, pages it
// does not expect, defaults added by ALTER TABLE) makes it refuse, and the caller reads through
// SQLite instead, which also reports any corruption properly. Every offset is bounds-checked.

#include "scan.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace hs {

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
    BtreeReader() = default;
    ~BtreeReader();
    BtreeReader(const BtreeReader&) = delete;
    BtreeReader& operator=(const BtreeReader&) = delete;

    // recordIndex[c]: the column's position in the record, kRowid for the INTEGER PRIMARY KEY,
    // kAbsent for a column the table lacks (read as NULL). False, with a reason, when the fast
    // path does not apply.
    static constexpr int kRowid = -1;
    static constexpr int kAbsent = -2;
    bool open(const QString& path, std::uint32_t rootPage, const int (&recordIndex)[kScanColumns], QString* why);

    const std::vector<std::uint32_t>& leaves() const { return m_leaves; }
    // Reads leaves [from, to) in key order; false when a page is not what it should be.
    bool read(std::size_t from, std::size_t to, RowSink& sink) const;

private:
    bool readPages(std::uint32_t first, std::uint32_t count, unsigned char* buffer) const;
    bool collectLeaves(std::uint32_t root);
    bool parseLeaf(const unsigned char* page, std::uint32_t number, RowSink& sink) const;

    int m_fd = -1;
    std::uint32_t m_pageSize = 0;
    std::uint32_t m_usable = 0;
    std::uint32_t m_pageCount = 0;
    int m_index[kScanColumns] = {};
    int m_maxIndex = 0;
    std::vector<std::uint32_t> m_leaves;
};

} // namespace hs
