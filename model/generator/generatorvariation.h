// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `generate --varied`: each campaign draws, from the seed, what a detector could otherwise
// overfit to: the language of its prompts, how many templates it uses, how synchronised its
// requests are, how many accounts share a payment method, and how many of its accounts try to
// look organic (their own address, client, e-mail domain and payment method, as the baseline's,
// and a share of requests with prompts of their own across the organic capability mix). Without
// --varied every campaign keeps the story's fixed values (`fixedVariation`), so the default
// synthetic investigation stays exactly as it was.

#include <cstdint>

namespace hs::generator {

struct CampaignVariation
{
    double chineseShare = 0.35;   // templates written in Chinese
    double templateFactor = 1;    // times the story's template count
    double burstShare = 0.6;      // requests in the synchronised minutes of the hour
    double accountsPerPayment = 0; // 0: the story's fixed payment pools
    double evasiveShare = 0;      // accounts that try to look organic
    double evasiveOrganicShare = 0; // of an evasive account's requests: organic-looking ones
};

inline CampaignVariation fixedVariation() { return {}; }

// Deterministic in (seed, campaign index); campaign 0..2.
CampaignVariation variedCampaign(std::uint64_t seed, int campaign);

} // namespace hs::generator
