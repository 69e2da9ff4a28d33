// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixturedb.h"
#include <QStandardPaths>
#include <QSettings>
#include "generator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

#include <sqlite3.h>

namespace hs::test {

namespace {
QString fixtureText(const char* name)
{
    QFile file(QStringLiteral(HYDRASCOPE_FIXTURES "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the fixture %s", name);
    return QString::fromUtf8(file.readAll());
}
} // namespace

QString validSql() { return fixtureText("small-investigation.sql"); }

QString flagReasonsSql() { return fixtureText("flag-reasons.sql"); }

QString schemaSql()
{
    QString sql;
    for (const QString& statement : validSql().split(QLatin1Char(';'))) {
        const QString s = statement.trimmed();
        const qsizetype create = s.indexOf(QLatin1String("CREATE TABLE"));
        if (create >= 0)
            sql += s.mid(create) + QStringLiteral(";\n");
    }
    return sql;
}

bool writeDb(const QString& path, const QString& sql)
{
    QFile::remove(path);
    return execSql(path, sql);
}

bool execSql(const QString& path, const QString& sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK)
        return false;
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK)
        qWarning("fixture SQL failed: %s", error);
    sqlite3_free(error);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

QStringList queryColumn(const QString& path, const QString& sql)
{
    QStringList out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) != SQLITE_OK)
        qWarning("query failed: %s", sqlite3_errmsg(db));
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        out << (text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

double queryNumber(const QString& path, const QString& sql)
{
    const QStringList values = queryColumn(path, sql);
    return values.isEmpty() || values.front() == QLatin1String("NULL") ? -1 : values.front().toDouble();
}

QStringList folderState(const QString& dir)
{
    QStringList lines;
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo& info : files) {
        QFile f(info.absoluteFilePath());
        f.open(QIODevice::ReadOnly);
        lines << QStringLiteral("%1 %2 %3 %4").arg(info.fileName()).arg(info.size())
                     .arg(QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()))
                     .arg(info.lastModified().toMSecsSinceEpoch());
    }
    return lines;
}

bool writeRandomDb(const QString& path, std::uint64_t seed, int exchanges)
{
    QString sql = schemaSql() + QStringLiteral(
        "INSERT INTO meta VALUES ('format','flagged-campaign-db'),('format_version','1');"
        "INSERT INTO models VALUES (1,'m1',1699990000),(2,'m2',1700001000),(3,'m3',1700050030),(4,'m4',1800000000);"
        "INSERT INTO capabilities VALUES (1,'c1',NULL),(2,'c2',NULL),(3,'c3',NULL);"
        "INSERT INTO campaigns VALUES (1,'A',NULL,NULL,NULL,NULL),(2,'B',NULL,NULL,NULL,NULL),(3,'Idle',NULL,NULL,NULL,NULL);"
        "INSERT INTO clusters VALUES (1,'K1','proxy'),(2,'K2',NULL);"
        "INSERT INTO templates VALUES (1,'t1',NULL),(2,'t2',NULL),(3,'t3',NULL),(4,'t4',NULL);");
    Random random(seed);
    sql += QStringLiteral("INSERT INTO accounts(id, external_ref, campaign_id, cluster_id) VALUES ");
    for (int a = 1; a <= 40; ++a) {
        const int campaign = a % 4; // 0: baseline
        sql += QStringLiteral("(%1,'r%1',%2,%3)%4").arg(a)
                   .arg(campaign == 0 || campaign == 3 ? QStringLiteral("NULL") : QString::number(campaign))
                   .arg(a % 3 == 0 ? QStringLiteral("NULL") : QString::number(1 + a % 2))
                   .arg(a == 40 ? QStringLiteral(";") : QStringLiteral(","));
    }
    sql += QStringLiteral("BEGIN;");
    for (int i = 1; i <= exchanges; ++i) {
        // Times from 10 h before m2's release to 2 days after; ids not in time order.
        const std::uint64_t ts = 1700001000 - 36000 + random.next(36000 + 2 * 86400);
        const std::uint64_t model = 1 + random.next(ts > 1700001000 ? 3 : 1) + (ts > 1700001000 && random.next(3) == 0 ? 1 : 0);
        sql += QStringLiteral("INSERT INTO exchanges VALUES (%1,%2,%3,%4,%5,%6,%7,%8,%9);").arg(i).arg(ts)
                   .arg(1 + random.next(41)) // 41: a dangling account now and then
                   .arg(model).arg(random.next(5) == 0 ? QStringLiteral("NULL") : QString::number(1 + random.next(3)))
                   .arg(random.next(1000)).arg(random.next(1000))
                   .arg(random.next(4) == 0 ? QStringLiteral("NULL") : QString::number(1 + random.next(4))).arg(random.next(3) == 0 ? 1 : 0);
    }
    sql += QStringLiteral("COMMIT;");
    return writeDb(path, sql);
}

bool writeTinyDb(const QString& path) { return writeTinyDb(path, GenerateOptions{}.seed); }

bool writeTinyDb(const QString& path, std::uint64_t seed)
{
    GenerateOptions options;
    options.scale = GenerateScale::Tiny;
    options.seed = seed;
    const GenerateResult r = generateInvestigation(path, options);
    if (!r.ok)
        qWarning("generating %s failed: %s", qPrintable(path), qPrintable(r.error));
    return r.ok;
}

void isolateSettings(const QString& dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
}

} // namespace hs::test
