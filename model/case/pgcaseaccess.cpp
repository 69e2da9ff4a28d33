// SPDX-License-Identifier: GPL-3.0-or-later
// PgCase (pgcase.h): what a role may do, pseudonyms through the server's function, and the
// connection itself (notifications of other sessions' edits, losing and regaining the server).
#include "pgcase.h"

#include "pgcasestore.h"

#include <libpq-fe.h>

namespace hs {

std::optional<QString> PgCase::pseudonym(const QString& kind, const QString& value)
{
    const std::optional<QHash<QString, QString>> map = pseudonyms(kind, {value});
    return map ? std::optional<QString>(map->value(value)) : std::nullopt;
}

namespace {

// A text[] literal for libpq: {"a","b"} with '"' and '\\' escaped.
QByteArray textArray(const QStringList& values)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        QByteArray v = values[i].toUtf8();
        v.replace('\\', "\\\\").replace('"', "\\\"");
        out += (i ? ",\"" : "\"") + v + '"';
    }
    return out + '}';
}

} // namespace

std::optional<QHash<QString, QString>> PgCase::pseudonyms(const QString& kind, const QStringList& values)
{
    // Through the server's function, for readers and reviewers alike: it numbers new values under
    // the case's pseudonym lock and answers only for the values given.
    const PgResult r = m_conn.exec("SELECT value, pseudonym FROM hydrascope.pseudonyms_for($1, $2, $3::text[])",
                                   {pgText(m_name), pgText(kind), textArray(values)});
    if (!r.ok()) {
        fail(r.error());
        return std::nullopt;
    }
    QHash<QString, QString> map;
    for (int i = 0; i < r.rows(); ++i)
        map.insert(r.text(i, 0), r.text(i, 1));
    return map;
}

std::optional<std::vector<Pseudonym>> PgCase::allPseudonyms() const
{
    QString error;
    std::optional<std::vector<Pseudonym>> all = pgReadPseudonyms(m_conn, m_name, &error);
    if (!all)
        fail(error);
    return all;
}

bool PgCase::mayEdit(QString* why) const
{
    if (m_mode == Mode::ReadOnly) {
        *why = QStringLiteral("the case is open read-only");
        return false;
    }
    if (!m_conn.isOk()) {
        *why = QStringLiteral("the server cannot be reached: the case is shown as last read, and edits wait until it is back");
        return false;
    }
    if (!m_reviewer) {
        *why = QStringLiteral("your PostgreSQL role %1 may read this case but not annotate it (it is not a member of "
                              "hydrascope_reviewer)").arg(m_role);
        return false;
    }
    return true;
}

bool PgCase::mayExportProfile(const QString& profile, QString* why) const
{
    if (profile == QLatin1String("internal") && !m_reviewer) {
        *why = QStringLiteral("your PostgreSQL role %1 may export this case only with the policy or external profile "
                              "(the internal profile is for members of hydrascope_reviewer)").arg(m_role);
        return false;
    }
    return true;
}

int PgCase::changeSocket() const
{
    if (!m_listening) {
        QString why;
        m_listening = m_conn.run("LISTEN hydrascope_case", {}, &why);
    }
    return m_conn.socket();
}

bool PgCase::takeChanges()
{
    if (!m_conn.handle() || PQconsumeInput(m_conn.handle()) == 0)
        return false;
    bool changed = false;
    while (PGnotify* n = PQnotifies(m_conn.handle())) {
        if (n->be_pid != m_conn.backendPid() && QString::fromUtf8(n->extra) == m_name)
            changed = true;
        PQfreemem(n);
    }
    return changed;
}

bool PgCase::isConnected() const
{
    if (m_conn.isOk() && m_conn.handle())
        PQconsumeInput(m_conn.handle()); // notices a closed socket
    return m_conn.isOk();
}

bool PgCase::reconnect()
{
    QString why;
    if (!m_conn.connect(m_conninfo, &why))
        return failWith(QStringLiteral("cannot connect: %1").arg(why));
    m_listening = false;
    readRole();
    return true;
}

} // namespace hs
