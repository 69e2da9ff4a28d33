// SPDX-License-Identifier: GPL-3.0-or-later
#include "flagreasons.h"

#include "idindex.h"
#include "smalltables.h"
#include "sqlitestatement.h"

#include <sqlite3.h>

#include <map>

namespace hs {
namespace {

const QString kTable = QStringLiteral("flag_reasons");

// One warning per (code, column): how many rows, the first row's id, one sentence.
class Problems
{
public:
    void note(const QString& code, const QString& column, std::int64_t row, const QString& message)
    {
        Entry& e = m_entries[{code, column}];
        if (e.count++ == 0) {
            e.firstRow = row;
            e.message = message;
        }
    }
    void report(Findings& f) const
    {
        for (const auto& [key, e] : m_entries)
            f.add({Severity::Warning, key.first, kTable, key.second, e.firstRow, static_cast<qint64>(e.count),
                   QStringLiteral("%1 row(s) %2").arg(e.count).arg(e.message)});
    }

private:
    struct Entry
    {
        std::uint64_t count = 0;
        std::int64_t firstRow = -1;
        QString message;
    };
    std::map<std::pair<QString, QString>, Entry> m_entries;
};

// Column positions of the SELECT below.
enum Column { Id, CampaignId, AccountId, Signal, Score, Detail };

} // namespace

void loadFlagReasons(const EvidenceDb& db, Investigation& inv, Findings& f)
{
    if (!db.hasTable(kTable))
        return;
    inv.hasFlagReasons = true;
    for (const char* required : {"id", "campaign_id", "signal"}) {
        if (!hasColumn(db, kTable, QString::fromLatin1(required))) {
            f.warning(QStringLiteral("missing-column"),
                      QStringLiteral("required column is missing: the table is ignored"), kTable,
                      QString::fromLatin1(required));
            return;
        }
    }
    const auto optional = [&](const char* name) {
        return hasColumn(db, kTable, QString::fromLatin1(name)) ? QString::fromLatin1(name) : QStringLiteral("NULL");
    };
    QString error;
    Statement st = db.prepare(QStringLiteral("SELECT id, campaign_id, %1, signal, %2, %3 FROM flag_reasons ORDER BY id")
                                  .arg(optional("account_id"), optional("score"), optional("detail")), &error);
    if (!st.isValid()) {
        f.warning(QStringLiteral("unreadable-table"), QStringLiteral("%1: the table is ignored").arg(error), kTable);
        return;
    }
    const IdIndex campaigns = indexOfIds(inv.campaigns);
    const IdIndex accounts = indexOfIds(inv.accounts);
    Problems problems;
    const auto wrongType = [&](const char* column, std::int64_t row, int type, const QString& want) {
        problems.note(QStringLiteral("wrong-type"), QString::fromLatin1(column), row,
                      QStringLiteral("hold %1 where %2 is required; those reasons are left out").arg(sqliteTypeName(type), want));
    };
    while (st.next()) {
        const std::int64_t id = st.integer(Id);
        const int campaignType = st.type(CampaignId);
        if (campaignType != SQLITE_INTEGER) {
            wrongType("campaign_id", id, campaignType, QStringLiteral("a non-NULL INTEGER"));
            continue;
        }
        const int accountType = st.type(AccountId);
        if (accountType != SQLITE_INTEGER && accountType != SQLITE_NULL) {
            wrongType("account_id", id, accountType, QStringLiteral("INTEGER or NULL"));
            continue;
        }
        const int signalType = st.type(Signal);
        if (signalType == SQLITE_BLOB) {
            wrongType("signal", id, signalType, QStringLiteral("TEXT"));
            continue;
        }
        const int scoreType = st.type(Score);
        if (scoreType != SQLITE_FLOAT && scoreType != SQLITE_INTEGER && scoreType != SQLITE_NULL) {
            wrongType("score", id, scoreType, QStringLiteral("REAL or NULL"));
            continue;
        }
        const int detailType = st.type(Detail);
        if (detailType == SQLITE_BLOB) {
            wrongType("detail", id, detailType, QStringLiteral("TEXT or NULL"));
            continue;
        }
        FlagReason r;
        r.id = id;
        r.signal = st.text(Signal).trimmed();
        if (r.signal.isEmpty()) {
            problems.note(QStringLiteral("empty-value"), QStringLiteral("signal"), id,
                          QStringLiteral("have a NULL or empty signal; those reasons are left out"));
            continue;
        }
        r.campaign = campaigns.find(st.integer(CampaignId));
        if (r.campaign == IdIndex::kMissing) {
            problems.note(QStringLiteral("dangling-reference"), QStringLiteral("campaign_id"), id,
                          QStringLiteral("refer to campaign ids that do not exist; those reasons are left out"));
            continue;
        }
        if (accountType == SQLITE_INTEGER) {
            r.account = accounts.find(st.integer(AccountId));
            if (r.account == IdIndex::kMissing) {
                problems.note(QStringLiteral("dangling-reference"), QStringLiteral("account_id"), id,
                              QStringLiteral("refer to account ids that do not exist; those reasons are left out"));
                continue;
            }
            if (inv.accounts[r.account].group != r.campaign) {
                problems.note(QStringLiteral("account-not-in-campaign"), QStringLiteral("account_id"), id,
                              QStringLiteral("name an account that is not in the reason's campaign; those reasons are left out"));
                continue;
            }
        }
        if (scoreType != SQLITE_NULL) {
            const double score = sqlite3_column_double(st.handle(), Score);
            if (score >= 0.0 && score <= 1.0) // false for NaN too
                r.score = score;
            else
                problems.note(QStringLiteral("out-of-range"), QStringLiteral("score"), id,
                              QStringLiteral("hold a score outside 0..1; those reasons are shown without a score"));
        }
        r.detail = st.text(Detail);
        inv.flagReasons.push_back(std::move(r));
    }
    if (st.failed())
        f.warning(QStringLiteral("corrupt"), QStringLiteral("%1: the rest of the table is left out").arg(st.error()), kTable);
    problems.report(f);
}

} // namespace hs
