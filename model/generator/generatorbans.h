// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Bans and replacements in the synthetic investigation (format 1.1, accounts.status_changed_at):
// the hydra campaign loses about a third of its accounts to bans, and most banned heads grow back
// as a new account of the same cluster within hours, sending the same prompt families; some never
// do (a final sweep in the campaign's last days). The other campaigns see a few bans, rarely
// replaced.
//
// Each campaign's accounts form chains ("slots"): the head is active from the start, is perhaps
// banned at t, and then perhaps replaced by a spare account whose traffic starts at t + a delay of
// hours. The generator still picks accounts with its weighted picker; pick() turns the picked
// account into the member of its chain active at that time, and picks again while the slot is
// idle (between a ban and the replacement's start, or after an unreplaced ban). So a banned
// account sends nothing after its ban, and the campaign's traffic goes on through the others.

#include "generatorrandom.h"

#include <QString>

#include <cstdint>
#include <limits>
#include <vector>

struct sqlite3;

namespace hs::generator {

struct BanGroup
{
    std::int64_t campaignId = 0;
    std::vector<std::int64_t> accounts; // account ids, in the picker's order
    std::int64_t from = 0, to = 0;      // the campaign's active period
};

class BanPlan
{
public:
    // Plans the chains of every campaign and writes them into `accounts`: adds the
    // status_changed_at column, sets status and status_changed_at of the banned accounts (the
    // others become `active`), created_at of the replacements, and meta.format_version 1.1.
    // Returns an error text, empty on success.
    QString plan(sqlite3* db, std::uint64_t seed, const std::vector<BanGroup>& groups);

    // The account that sends an exchange of campaign `group` at `ts`.
    std::int64_t pick(std::size_t group, const Picker& picker, Rng& rng, std::int64_t ts) const;

private:
    struct Member
    {
        std::int64_t account = 0;
        std::int64_t start = 0;  // first second it may send (the head: the campaign's start)
        std::int64_t banned = 0; // its ban time, or kNever
    };
    struct Group
    {
        std::vector<std::vector<Member>> chains;
        std::vector<std::uint32_t> chainOf;      // per picker index
        std::vector<std::int64_t> survivors;     // heads never banned: the fallback
    };
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    std::vector<Group> m_groups;
};

} // namespace hs::generator
