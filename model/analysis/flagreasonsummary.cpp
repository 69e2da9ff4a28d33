// SPDX-License-Identifier: GPL-3.0-or-later
#include "flagreasonsummary.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <map>

namespace hs {

bool strongerReason(const FlagReason& a, const FlagReason& b)
{
    if (a.score.has_value() != b.score.has_value())
        return a.score.has_value();
    if (a.score && *a.score != *b.score)
        return *a.score > *b.score;
    if (a.signal != b.signal)
        return a.signal < b.signal;
    return a.id < b.id;
}

namespace {

void sortStrongestFirst(const Investigation& inv, std::vector<std::uint32_t>& reasons)
{
    std::sort(reasons.begin(), reasons.end(),
              [&](std::uint32_t a, std::uint32_t b) { return strongerReason(inv.flagReasons[a], inv.flagReasons[b]); });
}

} // namespace

std::vector<CampaignReasons> reasonsByCampaign(const Investigation& inv)
{
    std::vector<CampaignReasons> out(inv.campaigns.size());
    std::vector<QSet<std::uint32_t>> accounts(inv.campaigns.size());
    std::vector<std::map<QString, QSet<std::uint32_t>>> bySignal(inv.campaigns.size());
    for (std::size_t i = 0; i < inv.flagReasons.size(); ++i) {
        const FlagReason& r = inv.flagReasons[i];
        if (r.campaign >= out.size())
            continue;
        if (r.account == kNoIndex) {
            out[r.campaign].reasons.push_back(static_cast<std::uint32_t>(i));
        } else {
            accounts[r.campaign].insert(r.account);
            bySignal[r.campaign][r.signal].insert(r.account);
        }
    }
    for (std::size_t c = 0; c < out.size(); ++c) {
        sortStrongestFirst(inv, out[c].reasons);
        out[c].accountsWithReasons = static_cast<std::uint64_t>(accounts[c].size());
        for (const auto& [signal, set] : bySignal[c])
            out[c].accountsBySignal.emplace_back(signal, static_cast<std::uint64_t>(set.size()));
        std::stable_sort(out[c].accountsBySignal.begin(), out[c].accountsBySignal.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    return out;
}

std::vector<std::uint32_t> accountReasons(const Investigation& inv, std::uint32_t account)
{
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < inv.flagReasons.size(); ++i)
        if (inv.flagReasons[i].account == account && account != kNoIndex)
            out.push_back(static_cast<std::uint32_t>(i));
    sortStrongestFirst(inv, out);
    return out;
}

std::vector<std::vector<std::uint32_t>> reasonsByAccount(const Investigation& inv)
{
    std::vector<std::vector<std::uint32_t>> out(inv.accounts.size());
    for (std::size_t i = 0; i < inv.flagReasons.size(); ++i)
        if (inv.flagReasons[i].account < out.size())
            out[inv.flagReasons[i].account].push_back(static_cast<std::uint32_t>(i));
    for (std::vector<std::uint32_t>& list : out)
        sortStrongestFirst(inv, list);
    return out;
}

QString reasonScoreText(const std::optional<double>& score)
{
    return score ? QLocale::c().toString(*score, 'f', 2) : QStringLiteral("no score");
}

QString reasonsCompact(const Investigation& inv, const std::vector<std::uint32_t>& reasons, int limit)
{
    QStringList parts;
    for (std::size_t i = 0; i < reasons.size() && i < std::size_t(limit); ++i) {
        const FlagReason& r = inv.flagReasons[reasons[i]];
        parts << (r.score ? QStringLiteral("%1 %2").arg(r.signal, reasonScoreText(r.score)) : r.signal);
    }
    QString text = parts.join(QStringLiteral(", "));
    if (reasons.size() > std::size_t(limit))
        text += QStringLiteral(", +%1").arg(reasons.size() - std::size_t(limit));
    return text;
}

} // namespace hs
