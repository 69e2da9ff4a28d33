// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A PostgreSQL 15 server of a test's own: initdb and pg_ctl (Debian's postgresql package) in a
// temporary folder, on a free port of 127.0.0.1, trust authentication, superuser `hydrascope`.
// PostgreSQL refuses to run as root and CI runs as root: then the server runs as the
// unprivileged system user `postgres` (runuser), in a folder it owns. Stopped by the destructor,
// also when a check fails, and by a watchdog when the test's process dies without it (killed).

#include <QString>
#include <QStringList>

struct pg_conn;

namespace hs::test {

class PgServer
{
public:
    PgServer() = default;
    ~PgServer();
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    static bool available(); // the server's programs are installed
    // initdb and start in `dir` (which must exist and be empty but for what the test put there).
    bool start(const QString& dir);
    bool stop(); // -m immediate: as abrupt as a crash (committed work survives: it is in the WAL)
    bool restart();
    int port() const { return m_port; }
    // postgresql://USER@127.0.0.1:PORT/DB
    QString uri(const QString& user = QStringLiteral("hydrascope"), const QString& db = QStringLiteral("postgres")) const;
    // Runs SQL as the superuser (psql-like: several statements); false with a warning on error.
    bool exec(const QString& sql, const QString& db = QStringLiteral("postgres")) const;
    // The first column of a query's rows, as the superuser.
    QStringList column(const QString& sql, const QString& db = QStringLiteral("postgres")) const;

private:
    bool run(const QString& program, const QStringList& args) const;
    bool watch() const;
    QString m_dir, m_data;
    int m_port = 0;
    bool m_running = false;
    bool m_watched = false;
};

int freePort();

} // namespace hs::test
