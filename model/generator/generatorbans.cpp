// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorbans.h"

#include "investigationschema.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

namespace hs::generator {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

struct Rates
{
    double ban;     // chance that an account is banned before the campaign ends
    double replace; // chance that a banned account is replaced
    double delayHours; // median delay from the ban to the replacement's start
};
// Per campaign of the story (generatorstory.h): Lanternfish, Copperline, Hydra Tide. The ban chance
// applies per account and replacements can be banned again, so the hydra loses about a third.
constexpr Rates kRates[] = {{0.04, 0.3, 20}, {0.03, 0.4, 12}, {0.3, 0.88, 3}};

class Sql
{
public:
    Sql(sqlite3* db, const char* sql) : m_db(db) { m_ok = sqlite3_prepare_v2(db, sql, -1, &m_st, nullptr) == SQLITE_OK; }
    ~Sql() { sqlite3_finalize(m_st); }
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;
    sqlite3_stmt* st() const { return m_st; }
    bool ok() const { return m_ok; }
    bool step(int expected)
    {
        const int rc = sqlite3_step(m_st);
        m_ok = m_ok && (rc == expected || rc == SQLITE_DONE || rc == SQLITE_ROW);
        return rc == SQLITE_ROW;
    }
    bool runOnce()
    {
        step(SQLITE_DONE);
        sqlite3_reset(m_st);
        return m_ok;
    }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_st = nullptr;
    bool m_ok = false;
};

// Cluster id per account of one campaign (0: none).
std::map<std::int64_t, std::int64_t> clustersOf(sqlite3* db, std::int64_t campaign)
{
    std::map<std::int64_t, std::int64_t> out;
    Sql q(db, "SELECT id, coalesce(cluster_id, 0) FROM accounts WHERE campaign_id = ?1");
    sqlite3_bind_int64(q.st(), 1, campaign);
    while (q.step(SQLITE_ROW))
        out[sqlite3_column_int64(q.st(), 0)] = sqlite3_column_int64(q.st(), 1);
    return out;
}

// Hours from a ban to the replacement's start: log-normal around the median, at least 10 minutes,
// below two days (the spec looks 72 h ahead; the replacement's first exchange comes a little later).
std::int64_t replacementDelay(Rng& rng, double medianHours)
{
    const double u1 = std::max(1e-12, rng.uniform()), u2 = rng.uniform();
    const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * 3.14159265358979 * u2);
    const double hours = std::clamp(medianHours * std::exp(0.9 * normal), 1.0 / 6, 44.0);
    return static_cast<std::int64_t>(hours * kHour);
}

} // namespace

QString BanPlan::plan(sqlite3* db, std::uint64_t seed, const std::vector<BanGroup>& groups)
{
    Rng rng(seed ^ 0x6a09e667f3bcc908ull); // its own stream: the rest of the story stays as it was drawn
    const std::string upgrade = std::string(schema::kStatusChangedAtColumn) +
                                " UPDATE meta SET value = '1.1' WHERE key = 'format_version'";
    if (sqlite3_exec(db, upgrade.c_str(),
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    Sql ban(db, "UPDATE accounts SET status = ?2, status_changed_at = ?3 WHERE id = ?1");
    Sql active(db, "UPDATE accounts SET status = 'active' WHERE campaign_id = ?1");
    Sql created(db, "UPDATE accounts SET created_at = ?2 WHERE id = ?1");
    if (!ban.ok() || !active.ok() || !created.ok())
        return ban.error();
    m_groups.assign(groups.size(), {});
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const BanGroup& in = groups[gi];
        const Rates rates = kRates[std::min<std::size_t>(gi, std::size(kRates) - 1)];
        Group& out = m_groups[gi];
        out.chainOf.assign(in.accounts.size(), 0);
        sqlite3_bind_int64(active.st(), 1, in.campaignId);
        if (!active.runOnce())
            return active.error();
        const auto clusters = clustersOf(db, in.campaignId);
        std::map<std::int64_t, std::size_t> index; // account id -> picker index
        for (std::size_t i = 0; i < in.accounts.size(); ++i)
            index[in.accounts[i]] = i;
        // Spares are taken from the end of a shuffled order, per cluster; heads from its front.
        std::vector<std::int64_t> order = in.accounts;
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[static_cast<std::size_t>(rng.below(std::int64_t(i)))]);
        std::map<std::int64_t, std::vector<std::int64_t>> spares; // cluster -> accounts, taken from the back
        for (const std::int64_t id : order)
            spares[clusters.count(id) ? clusters.at(id) : 0].push_back(id);
        std::map<std::int64_t, bool> used;
        for (const std::int64_t head : order) {
            if (used[head])
                continue;
            std::vector<Member> chain;
            Member m{head, std::numeric_limits<std::int64_t>::min(), kNever};
            std::int64_t start = in.from;
            for (;;) {
                used[m.account] = true;
                // A replaced account is banned while the operator still replaces (until 6 days before
                // the end); the others fall in a final sweep of the last 4 days, when no new account
                // starts: so "some never" holds for the spec's figure too, not only for the plan.
                const bool replaced = rng.chance(rates.replace);
                const std::int64_t earliest = std::max(start + kDay / 2, replaced ? start : in.to - 4 * kDay);
                const std::int64_t latest = replaced ? in.to - 6 * kDay : in.to - kDay / 2;
                if (latest > earliest && rng.chance(rates.ban)) {
                    m.banned = earliest + rng.below(latest - earliest);
                    sqlite3_bind_int64(ban.st(), 1, m.account);
                    const char* status = rng.chance(0.8) ? "banned" : "suspended";
                    sqlite3_bind_text(ban.st(), 2, status, -1, SQLITE_STATIC);
                    sqlite3_bind_int64(ban.st(), 3, m.banned);
                    if (!ban.runOnce())
                        return ban.error();
                }
                chain.push_back(m);
                if (m.banned == kNever || !replaced)
                    break;
                // The replacement: a spare of the same cluster, not yet in any chain.
                auto& pool = spares[clusters.count(m.account) ? clusters.at(m.account) : 0];
                while (!pool.empty() && used[pool.back()])
                    pool.pop_back();
                if (pool.empty())
                    break;
                const std::int64_t next = pool.back();
                pool.pop_back();
                start = m.banned + replacementDelay(rng, rates.delayHours);
                m = Member{next, start, kNever};
                sqlite3_bind_int64(created.st(), 1, next);
                sqlite3_bind_int64(created.st(), 2, start - 600 - rng.below(6 * kHour));
                if (!created.runOnce())
                    return created.error();
            }
            const auto c = static_cast<std::uint32_t>(out.chains.size());
            for (const Member& member : chain)
                out.chainOf[index[member.account]] = c;
            if (chain.front().banned == kNever)
                out.survivors.push_back(head);
            out.chains.push_back(std::move(chain));
        }
    }
    return QString();
}

std::int64_t BanPlan::pick(std::size_t group, const Picker& picker, Rng& rng, std::int64_t ts) const
{
    const Group& g = m_groups[group];
    for (int attempt = 0; attempt < 64; ++attempt) {
        const std::vector<Member>& chain = g.chains[g.chainOf[picker.pick(rng)]];
        for (const Member& m : chain) {
            if (ts < m.start)
                break; // idle: between a ban and the replacement's start
            if (ts < m.banned)
                return m.account;
        }
    }
    // Almost every slot is idle at ts (never at the story's rates): an account never banned.
    return g.survivors.empty() ? g.chains.front().front().account
                               : g.survivors[static_cast<std::size_t>(rng.below(std::int64_t(g.survivors.size())))];
}

} // namespace hs::generator
