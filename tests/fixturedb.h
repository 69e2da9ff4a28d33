// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test fixtures: flagged-campaign databases written from readable SQL, through a normal
// (writable) sqlite3 connection, into a temporary folder.

#include <QString>
#include <QStringList>

#include <cstdint>

struct sqlite3;

namespace hs::test {

// The same pseudo-random numbers on every machine (a 64-bit linear congruential generator): the
// generated fixtures vary with their seed and nothing else.
class Random
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t bits()
    {
        m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
        return m_state;
    }
    std::int64_t next(std::uint64_t n) { return static_cast<std::int64_t>((bits() >> 33) % n); } // in [0, n)

private:
    std::uint64_t m_state;
};

// The full schema of the format, every table and column, no rows.
QString schemaSql();
// A small, complete, valid investigation: two campaigns, a baseline, a pivot, clusters, indicators.
QString validSql();
// The flag reasons of that investigation (tests/fixtures/flag-reasons.sql says what each row is).
QString flagReasonsSql();
// Writes `sql` into a new database at `path`; fails the current test on an SQL error.
bool writeDb(const QString& path, const QString& sql);
// Runs `sql` on an existing file through a normal connection (an editor outside Hydrascope);
// false, with a warning naming the error, when SQLite refuses it.
bool execSql(const QString& path, const QString& sql);
// Runs one query on a normal connection and returns the first column of the first row (or -1).
double queryNumber(const QString& path, const QString& sql);
QStringList queryColumn(const QString& path, const QString& sql);
// SHA-256 and size of every file in a folder, as "name size hash" lines, for before/after checks.
QStringList folderState(const QString& dir);

// The generator's tiny investigation (81 days, three campaigns, a pivot; a few thousand rows),
// with its default seed or another one.
bool writeTinyDb(const QString& path);
bool writeTinyDb(const QString& path, std::uint64_t seed);
// Test mode for QStandardPaths and every QSettings of this process in `dir`: a test never reads
// or writes the reviewer's settings, nor those of another run of the same test (another checkout).
void isolateSettings(const QString& dir);

// A seeded random investigation for figure tests: `exchanges` rows over several models, two
// campaigns and a baseline, releases at minutes that are not on the hour.
bool writeRandomDb(const QString& path, std::uint64_t seed, int exchanges);

} // namespace hs::test
