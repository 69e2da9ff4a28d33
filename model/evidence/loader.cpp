// SPDX-License-Identifier: GPL-3.0-or-later
#include "loader.h"

#include "btreereader.h"
#include "evidencedb.h"
#include "job.h"
#include "scan.h"
#include "schema.h"
#include "sha256.h"
#include "smalltables.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace hs {
namespace {

std::uint32_t pageSizeOf(const QString& path)
{
    QFile file(path);
    const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(18) : QByteArray();
    if (head.size() < 18)
        return 0;
    const std::uint32_t size = std::uint32_t(static_cast<unsigned char>(head[16])) << 8 | static_cast<unsigned char>(head[17]);
    return size == 1 ? 65536 : size;
}

bool checkFile(const QString& path, Findings& f)
{
    const QFileInfo info(path);
    QString error;
    if (!info.exists())
        f.error(QStringLiteral("not-found"), QStringLiteral("the file does not exist"));
    else if (!info.isFile())
        f.error(QStringLiteral("not-a-file"), QStringLiteral("this is not a regular file"));
    else if (!hasSqliteHeader(path, &error))
        f.error(QStringLiteral("not-sqlite"), error);
    else {
        // A hot rollback journal means an interrupted write: reading it needs a writer.
        const QFileInfo journal(path + QStringLiteral("-journal"));
        if (journal.exists() && journal.size() > 0)
            f.error(QStringLiteral("hot-journal"),
                    QStringLiteral("a rollback journal (%1) lies beside the file: the last write to it was interrupted. "
                                   "Recover a copy with the sqlite3 tool, then open the copy").arg(journal.fileName()));
        const QFileInfo wal(path + QStringLiteral("-wal"));
        QString why;
        if (wal.exists() && wal.size() > 0 && !walHeaderValid(wal.filePath(), pageSizeOf(path), &why))
            f.error(QStringLiteral("bad-wal"),
                    QStringLiteral("the write-ahead log beside the file (%1) is not one SQLite can read: %2. "
                                   "Move it away to read the main file alone").arg(wal.fileName(), why));
        else if (wal.exists() && wal.size() > 0)
            f.note(QStringLiteral("wal-present"),
                   QStringLiteral("a write-ahead log (%1, %2 bytes) lies beside the file; its committed content is "
                                  "included, and the SHA-256 covers the main file only").arg(wal.fileName()).arg(wal.size()));
    }
    return !f.hasErrors();
}

// sqlite.org's advice for untrusted files: a quick integrity check before use, of every table
// (the schema's own included, and tables the format does not name) but exchanges: its structure
// is checked as it is read (btreereader.h), or by a whole-file quick_check before SQLite reads it
// (integritycheck.h), which keeps large files fast.
bool quickCheck(const EvidenceDb& db, Findings& f)
{
    QStringList tables{QStringLiteral("sqlite_schema")};
    Statement names = db.prepare(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 "
                                                "AND name <> 'exchanges' ORDER BY rowid"));
    while (names.next())
        tables << names.text(0);
    if (names.failed()) {
        f.error(QStringLiteral("corrupt"), QStringLiteral("the file is corrupt: %1").arg(names.error()));
        return false;
    }
    for (const QString& table : tables) {
        QString error;
        const QString quoted = QString(table).replace(QLatin1Char('"'), QStringLiteral("\"\""));
        Statement st = db.prepare(QStringLiteral("PRAGMA quick_check(\"%1\")").arg(quoted), &error);
        const QString answer = st.next() ? st.text(0) : (st.failed() ? st.error() : error);
        if (answer != QLatin1String("ok")) {
            f.error(QStringLiteral("corrupt"), QStringLiteral("the file is corrupt: %1").arg(answer.left(200)),
                    table.left(80));
            return false;
        }
    }
    return true;
}

bool exchangesIdIsKey(const EvidenceDb& db)
{
    const QList<ColumnInfo> cols = db.columns(QStringLiteral("exchanges"));
    const auto keys = std::count_if(cols.begin(), cols.end(), [](const ColumnInfo& c) { return c.primaryKey; });
    return keys == 1 && std::any_of(cols.begin(), cols.end(), [](const ColumnInfo& c) {
               return c.primaryKey && c.name == QLatin1String("id") && c.declaredType == QLatin1String("INTEGER");
           });
}

// Where each scanned column sits in the records, for the direct page reader. Tables it should not
// read (WITHOUT ROWID, generated columns, non-NULL defaults that short records would need) keep
// rootPage 0 and go through SQLite.
void planDirectRead(const EvidenceDb& db, ScanInput& in)
{
    if (!in.idIsKey)
        return;
    Statement schema = db.prepare(QStringLiteral("SELECT rootpage, sql FROM sqlite_schema WHERE type = 'table' AND name = 'exchanges'"));
    if (!schema.next() || schema.text(1).toUpper().contains(QLatin1String("WITHOUT")))
        return;
    const auto root = schema.integer(0);
    Statement cols = db.prepare(QStringLiteral("SELECT cid, name, hidden, dflt_value IS NOT NULL FROM pragma_table_xinfo('exchanges')"));
    QHash<QString, int> position;
    while (cols.next()) {
        if (cols.integer(2) != 0 || cols.integer(3) != 0)
            return;
        position.insert(cols.text(1), static_cast<int>(cols.integer(0)));
    }
    const char* const names[kScanColumns] = {"id", "ts", "account_id", "model_id", "capability_id", "template_id", "cot_elicitation"};
    const bool used[kScanColumns] = {true, true, true, true, in.hasCapability, in.hasTemplate, in.hasCot};
    for (int c = 0; c < kScanColumns; ++c) {
        const QString name = QString::fromLatin1(names[c]);
        in.recordIndex[c] = c == 0 ? BtreeReader::kRowid
                            : (used[c] && position.contains(name)) ? position.value(name) : BtreeReader::kAbsent;
    }
    if (root > 0 && root < std::numeric_limits<std::uint32_t>::max())
        in.rootPage = static_cast<std::uint32_t>(root);
}

ScanInput makeScanInput(const QString& path, const EvidenceDb& db, const Investigation& inv, const LoadOptions& options,
                        Findings& f)
{
    ScanInput in;
    in.path = path;
    const QString ex = QStringLiteral("exchanges");
    in.hasCapability = inv.hasCapabilities && hasColumn(db, ex, QStringLiteral("capability_id"));
    in.hasTemplate = hasColumn(db, ex, QStringLiteral("template_id"));
    in.hasCot = hasColumn(db, ex, QStringLiteral("cot_elicitation"));
    in.idIsKey = exchangesIdIsKey(db);
    in.accountIndex = indexOfIds(inv.accounts);
    in.modelIndex = indexOfIds(inv.models);
    std::vector<CapabilityInfo> realCaps = inv.capabilities; // the implicit entry, if any, is last
    if (!realCaps.empty() && realCaps.back().implicit)
        realCaps.pop_back();
    in.capabilityIndex = indexOfIds(realCaps);
    in.templateIndex = indexOfIds(inv.templates);
    // Prompt families per account only where the lifecycle figures can use them: campaigns with
    // a recorded status change (a 1.0 file, or a campaign without one, costs the scan nothing).
    in.groupTemplates.assign(inv.groupCount(), 0);
    for (const AccountInfo& a : inv.accounts) {
        in.accountGroup.push_back(a.group);
        if (a.statusChangedAt && a.group < inv.baselineGroup())
            in.groupTemplates[a.group] = 1;
    }
    in.accountCount = static_cast<std::uint32_t>(inv.accounts.size());
    in.groupCount = inv.groupCount();
    in.templateCount = static_cast<std::uint32_t>(inv.templates.size());
    in.modelCount = static_cast<std::uint32_t>(inv.models.size());
    in.unclassified = inv.unclassified;
    for (std::size_t m = 0; m < inv.models.size(); ++m)
        in.releases.push_back({inv.models[m].releasedAt, static_cast<std::uint32_t>(m)});
    std::sort(in.releases.begin(), in.releases.end(), [](const Release& a, const Release& b) { return a.at < b.at; });
    in.threads = options.threads;
    in.idBase = db.queryInteger(QStringLiteral("SELECT min(id) FROM exchanges")).value_or(0);
    if (options.directRead)
        planDirectRead(db, in);
    in.keepColumns = options.keepColumns;
    if (in.keepColumns && (inv.models.size() > kMaxColumnModels || inv.capabilities.size() > kMaxColumnCapabilities + 1 ||
                           inv.templates.size() >= kNoTemplate)) {
        in.keepColumns = false;
        f.note(QStringLiteral("no-columns"), QStringLiteral("more than %1 models, %2 capabilities or %3 prompt families: "
                                                            "selection figures use hour and day aggregates")
                                                 .arg(kMaxColumnModels).arg(kMaxColumnCapabilities).arg(kNoTemplate - 1));
    }
    return in;
}

void reportDangling(const Aggregates& a, Findings& f)
{
    const QString ex = QStringLiteral("exchanges");
    auto add = [&](std::uint64_t count, std::int64_t first, const char* column, const QString& what) {
        if (count)
            f.add({Severity::Warning, QStringLiteral("dangling-reference"), ex, QString::fromLatin1(column), first,
                   static_cast<qint64>(count), QStringLiteral("%1 row(s) refer to %2").arg(count).arg(what)});
    };
    add(a.danglingAccountRows, a.firstDanglingAccountRow, "account_id",
        QStringLiteral("accounts that do not exist; they count in evidence totals only"));
    add(a.danglingModelRows, a.firstDanglingModelRow, "model_id",
        QStringLiteral("models that do not exist; they count in totals, on no model"));
    add(a.danglingCapabilityRows, a.firstDanglingCapabilityRow, "capability_id",
        QStringLiteral("capabilities that do not exist; they count as unclassified"));
    add(a.danglingTemplateRows, a.firstDanglingTemplateRow, "template_id",
        QStringLiteral("prompt families that do not exist; they are left out of the families"));
}

bool openAndLoadTables(const QString& path, std::unique_ptr<EvidenceDb>& db, Investigation& inv, Findings& f)
{
    QString error;
    db = EvidenceDb::open(path, &error);
    if (!db) {
        f.error(QStringLiteral("cannot-open"), QStringLiteral("SQLite cannot open the file: %1").arg(error));
        return false;
    }
    // The first read of the schema tells whether SQLite can read this file at all.
    Statement probe = db->prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema"), &error);
    if (!probe.next()) {
        f.error(QStringLiteral("corrupt"), QStringLiteral("the file is corrupt or not a database: %1")
                                               .arg(probe.failed() ? probe.error() : error));
        return false;
    }
    if (!quickCheck(*db, f) || !checkSchema(*db, f))
        return false;
    loadSmallTables(*db, inv, f);
    return !f.hasErrors();
}

} // namespace

LoadResult loadInvestigation(const QString& path, const LoadOptions& options, const ProgressSink& progress)
{
    LoadResult result;
    Findings& f = result.findings;
    progress.setStage(0, 1);
    progress.report(QStringLiteral("Checking the file"), 0, true);
    if (!checkFile(path, f))
        return result;
    auto inv = std::make_shared<Investigation>();
    const QFileInfo info(path);
    inv->evidence = {info.absoluteFilePath(), info.fileName(), info.size(), {}};

    // The hash runs on the pool beside the loading; it stops when the load fails or is cancelled,
    // at any stage, also after the scan while only the hash is left.
    std::atomic<bool> stopHash{false};
    QString digest, hashError;
    PoolTask hash; // after what it writes: destroyed (joined) first
    if (options.computeHash)
        hash.start([&] { digest = sha256OfEvidence(path, &hashError, [&] { return stopHash.load() || progress.cancelled(); }); });
    auto finishHash = [&](bool keep) {
        if (!keep)
            stopHash = true;
        hash.wait();
        inv->evidence.sha256 = digest;
    };
    auto cancelled = [&] {
        finishHash(false);
        result.cancelled = true;
        return result;
    };

    std::unique_ptr<EvidenceDb> db;
    if (!openAndLoadTables(path, db, *inv, f)) {
        finishHash(false);
        return result;
    }
    if (progress.cancelled())
        return cancelled();
    progress.setStage(0.02, 0.98);
    const ScanInput input = makeScanInput(path, *db, *inv, options, f);
    db.reset();
    ScanOutput scan = scanExchanges(input, progress);
    if (!scan.ok) {
        finishHash(false);
        result.cancelled = scan.cancelled;
        if (!scan.cancelled)
            f.error(QStringLiteral("corrupt"), QStringLiteral("reading failed: %1").arg(scan.error), QStringLiteral("exchanges"));
        return result;
    }
    f.append(scan.findings);
    reportDangling(scan.aggregates, f);
    inv->exchangeRows = scan.rows;
    inv->aggregates = std::move(scan.aggregates);
    inv->columns = std::move(scan.columns);
    if (input.keepColumns && !inv->columns)
        f.note(QStringLiteral("no-columns"), QStringLiteral("timestamps outside 1970..2106 or ids far apart: selection figures "
                                                            "use hour and day aggregates"), QStringLiteral("exchanges"), QStringLiteral("ts"));
    inv->hasTemplates = input.hasTemplate && !inv->templates.empty();
    inv->hasCot = input.hasCot;
    progress.setStage(0, 1);
    if (options.computeHash)
        progress.report(QStringLiteral("Computing the SHA-256"), 0.99, true);
    finishHash(!progress.cancelled());
    if (progress.cancelled())
        return cancelled();
    if (options.computeHash && inv->evidence.sha256.isEmpty())
        f.error(QStringLiteral("unreadable"), QStringLiteral("the file could not be hashed: %1").arg(hashError));
    progress.report(QStringLiteral("Done"), 1, true);
    if (f.hasErrors())
        return result;
    inv->findings = f;
    result.investigation = std::move(inv);
    return result;
}

std::uint32_t Investigation::campaignIndex(std::int64_t id) const
{
    for (std::size_t i = 0; i < campaigns.size(); ++i)
        if (campaigns[i].id == id)
            return static_cast<std::uint32_t>(i);
    return kNoIndex;
}

std::uint32_t Investigation::modelIndex(const QString& name) const
{
    for (std::size_t i = 0; i < models.size(); ++i)
        if (models[i].name == name)
            return static_cast<std::uint32_t>(i);
    return kNoIndex;
}

QString Investigation::title() const
{
    const QString t = meta.value(QStringLiteral("title")).trimmed();
    return t.isEmpty() ? evidence.fileName : t;
}

} // namespace hs
