// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz harness: an evidence file (the input is the file's bytes) opened, validated and scanned
// through both exchange readers, as a differential test (docs/fuzzing.md):
//  - the direct page reader (btreereader.h) and the SQLite path must both refuse the file, or
//    both load it and give the same figures, byte for byte in the analysis JSON;
//  - a file either path loads must be one SQLite's own `PRAGMA quick_check` calls ok: no figure
//    is ever computed from a file SQLite calls corrupt;
//  - and, as for every harness, no crash, no sanitizer report, no hang.
// A broken promise calls abort(), which libFuzzer and the replay driver both report.

#include "analysis.h"
#include "analysistext.h"
#include "loader.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace {

std::string scratchPath()
{
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir && *dir ? dir : "/tmp") + "/hydrascope-fuzz-evidence-" + std::to_string(::getpid()) + ".db";
}

bool writeFile(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f)
        return false;
    const bool ok = std::fwrite(data, 1, size, f) == size;
    return std::fclose(f) == 0 && ok;
}

// SQLite's verdict through a plain read-only connection (not ours): "ok" or what it found.
std::string quickCheck(const std::string& path)
{
    sqlite3* db = nullptr;
    std::string answer = "cannot open";
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr) == SQLITE_OK) {
            const int rc = sqlite3_step(st);
            answer = rc == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : sqlite3_errmsg(db);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close_v2(db);
    return answer;
}

template<typename T>
void put(QByteArray& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Every aggregate the scan leaves, byte for byte, then the analysis as the CLI prints it.
QByteArray figures(const hs::LoadResult& r)
{
    if (!r.ok())
        return {};
    const hs::Investigation& inv = *r.investigation;
    const hs::Aggregates& a = inv.aggregates;
    QByteArray out;
    put(out, inv.exchangeRows);
    // Field by field: the structs' padding bytes are not part of the figures.
    for (const hs::HourCell& c : a.hours)
        for (const std::int64_t v : {c.hour, std::int64_t(c.group), std::int64_t(c.model), std::int64_t(c.capability),
                                     std::int64_t(c.exchanges), std::int64_t(c.cot)})
            put(out, v);
    for (const hs::DayTemplateCell& c : a.dayTemplates)
        for (const std::int64_t v : {c.day, std::int64_t(c.group), std::int64_t(c.tmpl), std::int64_t(c.exchanges)})
            put(out, v);
    for (const hs::DayAccountCell& c : a.dayAccounts)
        for (const std::int64_t v : {c.day, std::int64_t(c.account), std::int64_t(c.exchanges)})
            put(out, v);
    for (const hs::AccountTotals& c : a.accounts)
        for (const std::int64_t v : {std::int64_t(c.exchanges), c.first, c.last})
            put(out, v);
    for (const hs::ReleaseWindowCounts& c : a.releases) {
        put(out, std::int64_t(c.model) << 32 | c.group);
        put(out, c.all);
        put(out, c.onModel);
    }
    for (const std::int64_t v : {std::int64_t(a.danglingAccountRows), a.firstDanglingAccountRow, std::int64_t(a.danglingModelRows),
                                 a.firstDanglingModelRow, std::int64_t(a.danglingCapabilityRows), a.firstDanglingCapabilityRow,
                                 std::int64_t(a.danglingTemplateRows), a.firstDanglingTemplateRow, std::int64_t(a.unattributedRows)})
        put(out, v);
    return out + hs::analysisToText(inv, hs::analyze(inv)).toUtf8();
}

QByteArray errors(const hs::LoadResult& r)
{
    QByteArray out;
    for (const hs::Finding& f : r.findings.items())
        out += f.code.toUtf8() + ' ' + f.table.toUtf8() + ' ' + f.message.toUtf8() + '\n';
    return out;
}

[[noreturn]] void broken(const char* what, const QByteArray& detail = {})
{
    std::fprintf(stderr, "fuzz_evidence: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const std::string path = scratchPath();
    if (!writeFile(path, data, size))
        return 0;
    hs::LoadOptions options;
    options.computeHash = false;
    options.threads = 1;
    options.directRead = true;
    const hs::LoadResult direct = hs::loadInvestigation(QString::fromStdString(path), options);
    options.directRead = false;
    const hs::LoadResult viaSqlite = hs::loadInvestigation(QString::fromStdString(path), options);
    if (direct.ok() != viaSqlite.ok())
        broken(direct.ok() ? "the page reader loaded a file the SQLite path refuses"
                           : "the page reader refused a file the SQLite path loads",
               errors(direct.ok() ? viaSqlite : direct));
    if (direct.ok()) {
        const QByteArray a = figures(direct);
        if (a != figures(viaSqlite))
            broken("the page reader and the SQLite path give different figures", a);
        const std::string verdict = quickCheck(path);
        if (verdict != "ok")
            broken("a file SQLite calls corrupt was analysed", QByteArray::fromStdString(verdict));
    }
    ::unlink(path.c_str());
    return 0;
}
