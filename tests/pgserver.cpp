// SPDX-License-Identifier: GPL-3.0-or-later
#include "pgserver.h"

#include <QFile>
#include <QProcess>

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hs::test {
namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin");

} // namespace

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t length = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &length) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

PgServer::~PgServer() { stop(); }

bool PgServer::available() { return QFile::exists(kBin + QStringLiteral("/initdb")); }

bool PgServer::run(const QString& program, const QStringList& args) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (::geteuid() == 0)
        p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                                                       kBin + QLatin1Char('/') + program} + args);
    else
        p.start(kBin + QLatin1Char('/') + program, args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), p.readAll().constData());
        return false;
    }
    return true;
}

bool PgServer::start(const QString& dir)
{
    m_dir = dir;
    if (::geteuid() == 0) { // the server's folder belongs to `postgres`, the user it runs as
        const passwd* pw = ::getpwnam("postgres");
        if (!pw || ::chown(dir.toUtf8().constData(), pw->pw_uid, pw->pw_gid) != 0) {
            qWarning("no system user 'postgres' to run the server as, or %s cannot be given to it", qPrintable(dir));
            return false;
        }
    }
    m_data = dir + QStringLiteral("/data");
    m_port = freePort();
    if (m_port <= 0
        || !run(QStringLiteral("initdb"), {QStringLiteral("-D"), m_data, QStringLiteral("-A"), QStringLiteral("trust"),
                                           QStringLiteral("-U"), QStringLiteral("hydrascope"), QStringLiteral("-E"),
                                           QStringLiteral("UTF8"), QStringLiteral("--locale=C"), QStringLiteral("--no-sync")}))
        return false;
    return restart();
}

bool PgServer::restart()
{
    m_running = run(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), m_data, QStringLiteral("-l"), m_dir + QStringLiteral("/server.log"),
                     QStringLiteral("-w"), QStringLiteral("-o"),
                     QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir),
                     QStringLiteral("start")});
    if (m_running && !m_watched)
        m_watched = watch();
    return m_running;
}

// A test killed by ctest's timeout never runs its destructors: a detached shell polls the test's
// process once a second and, once it is gone, stops the server (harmless if it already stopped).
bool PgServer::watch() const
{
    QStringList stop{kBin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                     QStringLiteral("immediate"), QStringLiteral("stop")};
    if (::geteuid() == 0)
        stop = QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + stop;
    const QString script = QStringLiteral("while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; shift; exec \"$@\" >/dev/null 2>&1");
    return QProcess::startDetached(QStringLiteral("sh"), QStringList{QStringLiteral("-c"), script, QStringLiteral("sh"),
                                                                    QString::number(::getpid())} + stop);
}

bool PgServer::stop()
{
    if (!m_running)
        return true;
    m_running = false;
    return run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
                                          QStringLiteral("-w"), QStringLiteral("stop")});
}

QString PgServer::uri(const QString& user, const QString& db) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user).arg(m_port).arg(db);
}

bool PgServer::exec(const QString& sql, const QString& db) const
{
    PGconn* c = PQconnectdb(uri(QStringLiteral("hydrascope"), db).toUtf8().constData());
    bool ok = PQstatus(c) == CONNECTION_OK;
    if (ok) {
        PGresult* r = PQexec(c, sql.toUtf8().constData());
        ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        PQclear(r);
    }
    if (!ok)
        qWarning("%s: %s", qPrintable(sql.left(200)), PQerrorMessage(c));
    PQfinish(c);
    return ok;
}

QStringList PgServer::column(const QString& sql, const QString& db) const
{
    QStringList out;
    PGconn* c = PQconnectdb(uri(QStringLiteral("hydrascope"), db).toUtf8().constData());
    PGresult* r = PQexec(c, sql.toUtf8().constData());
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        qWarning("%s: %s", qPrintable(sql.left(200)), PQerrorMessage(c));
    for (int i = 0; i < PQntuples(r); ++i)
        out << QString::fromUtf8(PQgetvalue(r, i, 0));
    PQclear(r);
    PQfinish(c);
    return out;
}

} // namespace hs::test
