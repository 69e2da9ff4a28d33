// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorvariation.h"

#include "generatorrandom.h"

namespace hs::generator {

CampaignVariation variedCampaign(std::uint64_t seed, int campaign)
{
    // Its own stream per campaign: the rest of the story is drawn as without --varied.
    Rng rng(seed * 0xA24BAED4963EE407ull + std::uint64_t(campaign) * 0x9FB21C651E98DF25ull + 0x7A11);
    CampaignVariation v;
    const double languages[] = {0, 0.35, 0.7, 1};
    v.chineseShare = languages[rng.below(4)];
    const double templates[] = {0.3, 0.6, 1, 2, 3};
    v.templateFactor = templates[rng.below(5)];
    v.burstShare = 0.9 * rng.uniform();        // from unsynchronised to nearly all in bursts
    const double sharing[] = {1, 3, 10, 50, 500}; // 1: a payment method per account
    v.accountsPerPayment = sharing[rng.below(5)];
    v.evasiveShare = 0.5 * rng.uniform();      // up to half the accounts try to look organic
    v.evasiveOrganicShare = 0.3 * rng.uniform(); // and send up to 30% organic-looking requests
    return v;
}

} // namespace hs::generator
