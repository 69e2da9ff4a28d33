// SPDX-License-Identifier: GPL-3.0-or-later
// Importing from LiteLLM's PostgreSQL database. The test starts its own PostgreSQL 15 server
// (pgserver.h: initdb and pg_ctl in a temporary folder on a free port of 127.0.0.1), creates "LiteLLM_SpendLogs" as LiteLLM's schema.prisma declares it (as Prisma's
// migration writes it), fills it with more rows than one cursor page, imports, and checks the
// result against SQL on the server. PostgreSQL refuses to run as root and CI runs as root: then
// the server runs as the unprivileged system user `postgres` (runuser), in a folder it owns.
// The server is stopped at the end, also when a check fails.
#include "importer.h"
#include "litellmpostgres.h"

#include "fixturedb.h"
#include "pgserver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>


using namespace hs;
using namespace hs::logimport;

namespace {

// LiteLLM_SpendLogs as Prisma's migration creates it from schema.prisma (String -> TEXT,
// Json -> JSONB, DateTime -> TIMESTAMP(3), Float -> DOUBLE PRECISION, Int -> INTEGER).
const char* const kSpendLogs = R"(
CREATE TABLE "LiteLLM_SpendLogs" (
    "request_id" TEXT NOT NULL,
    "call_type" TEXT NOT NULL,
    "api_key" TEXT NOT NULL DEFAULT '',
    "spend" DOUBLE PRECISION NOT NULL DEFAULT 0.0,
    "total_tokens" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "request_duration_ms" INTEGER,
    "completionStartTime" TIMESTAMP(3),
    "model" TEXT NOT NULL DEFAULT '',
    "model_id" TEXT DEFAULT '',
    "model_group" TEXT DEFAULT '',
    "custom_llm_provider" TEXT DEFAULT '',
    "api_base" TEXT DEFAULT '',
    "user" TEXT DEFAULT '',
    "metadata" JSONB DEFAULT '{}',
    "cache_hit" TEXT DEFAULT '',
    "cache_key" TEXT DEFAULT '',
    "request_tags" JSONB DEFAULT '[]',
    "team_id" TEXT,
    "organization_id" TEXT,
    "end_user" TEXT,
    "requester_ip_address" TEXT,
    "messages" JSONB DEFAULT '{}',
    "response" JSONB DEFAULT '{}',
    "session_id" TEXT,
    "status" TEXT,
    "mcp_namespaced_tool_name" TEXT,
    "agent_id" TEXT,
    "proxy_server_request" JSONB DEFAULT '{}',
    CONSTRAINT "LiteLLM_SpendLogs_pkey" PRIMARY KEY ("request_id")
);
CREATE INDEX "LiteLLM_SpendLogs_startTime_idx" ON "LiteLLM_SpendLogs"("startTime");
-- 25,000 requests (more than two cursor pages), inserted out of time order: every fifth without
-- a user (the key's user id from metadata then), every fourth without an address, every tenth
-- with messages not stored ({}), prompts from three templates with varying numbers.
INSERT INTO "LiteLLM_SpendLogs"("request_id", "call_type", "api_key", "startTime", "endTime", "model", "user",
                                "metadata", "requester_ip_address", "messages", "prompt_tokens", "completion_tokens")
SELECT 'req-' || g, 'acompletion', md5('key' || (g % 7)),
       TIMESTAMP '2026-02-10 00:00:00' + ((25001 - g) * INTERVAL '1 second'),
       TIMESTAMP '2026-02-10 00:00:02' + ((25001 - g) * INTERVAL '1 second'),
       CASE WHEN g % 3 = 0 THEN 'frontier-3.5' ELSE 'frontier-3' END,
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'acct-' || (g % 13) END,
       jsonb_build_object('user_api_key_user_id', 'meta-' || (g % 3), 'user_api_key_alias', 'alias'),
       CASE WHEN g % 4 = 0 THEN NULL ELSE '203.0.' || (g % 3) || '.' || (g % 200) END,
       CASE WHEN g % 10 = 0 THEN '{}'::jsonb
            ELSE jsonb_build_array(jsonb_build_object('role', 'user', 'content',
                 CASE g % 3 WHEN 0 THEN 'Write a Python function number ' || g || ' that sorts a list of records by date and returns the top ' || (g % 9) || ' items, with unit tests'
                            WHEN 1 THEN '请一步一步地推理：仓库第一天发出' || g || '箱货物，之后每天多发' || (g % 7) || '箱，第十天一共发出多少箱？'
                            ELSE 'Grade the answer below against the rubric and give a score from 1 to ' || (g % 10) || ' with reasons for each criterion' END)) END,
       10 + g % 50, 20 + g % 70
FROM generate_series(1, 25000) AS g;
)";

} // namespace

class TestLogImportPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!test::PgServer::available())
            QSKIP("PostgreSQL 15 server binaries are not installed (packaging/install-deps.sh installs postgresql)");
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
        QVERIFY(m_server.start(m_dir.path()));
        m_port = m_server.port();
        m_uri = QStringLiteral("postgresql://hydrascope@127.0.0.1:%1/postgres").arg(m_port).toStdString();
        m_conn = PQconnectdb(m_uri.c_str());
        QVERIFY2(PQstatus(m_conn) == CONNECTION_OK, PQerrorMessage(m_conn));
        PGresult* r = PQexec(m_conn, kSpendLogs);
        QVERIFY2(PQresultStatus(r) == PGRES_COMMAND_OK, PQerrorMessage(m_conn));
        PQclear(r);
    }

    void importDatabase()
    {
        ImportOptions o;
        o.inputs = {m_uri};
        o.output = m_dir.filePath(QStringLiteral("from-postgres.db")).toStdString();
        const ImportResult r = importLogs(o);
        QVERIFY2(r.ok, r.error.c_str());
        const QString db = QString::fromStdString(o.output);
        QCOMPARE(double(r.requests), pgNumber("SELECT count(*) FROM \"LiteLLM_SpendLogs\""));
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM exchanges")), 25000.0);
        QVERIFY(r.issues.empty());
        // Accounts: user, else metadata.user_api_key_user_id, else api_key, as on the server.
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM accounts")),
                 pgNumber("SELECT count(DISTINCT coalesce(NULLIF(\"user\", ''), metadata->>'user_api_key_user_id', api_key)) "
                          "FROM \"LiteLLM_SpendLogs\""));
        QCOMPARE(test::queryColumn(db, QStringLiteral("SELECT a.external_ref || '=' || count(*) FROM exchanges e JOIN accounts a "
                                                      "ON a.id = e.account_id GROUP BY a.external_ref ORDER BY 1")),
                 pgColumn("SELECT x FROM (SELECT coalesce(NULLIF(\"user\", ''), metadata->>'user_api_key_user_id', api_key) "
                          "|| '=' || count(*) AS x FROM \"LiteLLM_SpendLogs\" GROUP BY coalesce(NULLIF(\"user\", ''), "
                          "metadata->>'user_api_key_user_id', api_key)) s ORDER BY x COLLATE \"C\""));
        // Times in UTC, in cursor order ("startTime"), tokens as stored.
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT min(ts) FROM exchanges")),
                 pgNumber("SELECT extract(epoch FROM min(\"startTime\")) FROM \"LiteLLM_SpendLogs\""));
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM exchanges a JOIN exchanges b ON b.id = a.id + 1 WHERE b.ts < a.ts")), 0.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT sum(prompt_tokens) FROM exchanges")),
                 pgNumber("SELECT sum(prompt_tokens) FROM \"LiteLLM_SpendLogs\""));
        // Prompts not stored: no family; the three templates: three families.
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM exchanges WHERE template_id IS NULL")),
                 pgNumber("SELECT count(*) FROM \"LiteLLM_SpendLogs\" WHERE messages = '{}'::jsonb"));
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(*) FROM templates")), 3.0);
        QCOMPARE(test::queryNumber(db, QStringLiteral("SELECT count(DISTINCT value) FROM indicators WHERE kind = 'ip_prefix'")), 3.0);
        const QString source = test::queryColumn(db, QStringLiteral("SELECT value FROM meta WHERE key = 'source'")).value(0);
        QVERIFY2(source.contains(QStringLiteral("litellm database postgresql://hydrascope@127.0.0.1:")), qPrintable(source));
    }

    // --from/--to become the cursor's WHERE clause.
    void timeRange()
    {
        ImportOptions o;
        o.inputs = {m_uri};
        o.output = m_dir.filePath(QStringLiteral("range.db")).toStdString();
        o.from = 1770681600 + 3600;  // 2026-02-10 01:00 UTC
        o.to = 1770681600 + 7200;    // 02:00
        const ImportResult r = importLogs(o);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(double(r.requests), pgNumber("SELECT count(*) FROM \"LiteLLM_SpendLogs\" WHERE \"startTime\" >= "
                                              "'2026-02-10 01:00' AND \"startTime\" < '2026-02-10 02:00'"));
        QCOMPARE(r.requests, std::int64_t(3600));
    }

    // A database that cannot be read: the message names it without its password; nothing written.
    void refusedDatabase()
    {
        ImportOptions o;
        o.inputs = {QStringLiteral("postgresql://hydrascope:s3cret@127.0.0.1:%1/nosuchdb").arg(m_port).toStdString()};
        o.output = m_dir.filePath(QStringLiteral("refused.db")).toStdString();
        ImportResult r = importLogs(o);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find("postgresql://hydrascope:***@127.0.0.1:") == 0, r.error.c_str());
        QVERIFY(r.error.find("s3cret") == std::string::npos);
        QVERIFY(!QFile::exists(QString::fromStdString(o.output)));
        o.inputs = {QStringLiteral("postgresql://hydrascope@127.0.0.1:%1/template1").arg(m_port).toStdString()};
        r = importLogs(o);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.find("no table \"LiteLLM_SpendLogs\"") != std::string::npos, r.error.c_str());
        QCOMPARE(QString::fromStdString(redactedUri("postgres://u:p@h/db")), QStringLiteral("postgres://u:***@h/db"));
        QCOMPARE(QString::fromStdString(redactedUri("postgresql://h/db")), QStringLiteral("postgresql://h/db"));
    }

    void cleanupTestCase() { stop(); }

public:
    ~TestLogImportPostgres() override { stop(); }

private:
    void stop()
    {
        if (m_conn) {
            PQfinish(m_conn);
            m_conn = nullptr;
        }
        m_server.stop();
    }
    PGresult* pg(const char* sql)
    {
        PGresult* r = PQexec(m_conn, sql);
        if (PQresultStatus(r) != PGRES_TUPLES_OK)
            qWarning("%s: %s", sql, PQerrorMessage(m_conn));
        return r;
    }
    double pgNumber(const char* sql)
    {
        PGresult* r = pg(sql);
        const double v = PQntuples(r) > 0 ? QByteArray(PQgetvalue(r, 0, 0)).toDouble() : -1;
        PQclear(r);
        return v;
    }
    QStringList pgColumn(const char* sql)
    {
        PGresult* r = pg(sql);
        QStringList out;
        for (int i = 0; i < PQntuples(r); ++i)
            out << QString::fromUtf8(PQgetvalue(r, i, 0));
        PQclear(r);
        return out;
    }

    QTemporaryDir m_dir;
    test::PgServer m_server;
    int m_port = 0;
    std::string m_uri;
    PGconn* m_conn = nullptr;
};

QTEST_GUILESS_MAIN(TestLogImportPostgres)
#include "tst_logimport_pg.moc"
