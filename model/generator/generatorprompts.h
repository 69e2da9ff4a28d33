// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Prompt text for the synthetic logs (`generate --as ...`): every template of the synthetic
// investigation becomes a prompt skeleton, in English or Chinese, built from sentences of its
// capability and of a shared pool chosen by the template's own random stream; every exchange
// fills the skeleton's slots (numbers, names, file names) with its own values, and an exchange
// that elicits chain-of-thought gets a sentence asking for the reasoning. So one template gives
// near-duplicates and two templates give clearly different prompts, as a real campaign's
// scripted traffic does. About 1 KB a prompt.

#include <cstdint>
#include <string>

namespace hs::generator {

struct PromptSkeleton
{
    std::string text;    // sentences with slots {N} (a number), {W} (a word), {F} (a file name)
    bool chinese = false;
};

// capability: index into story::kCapabilities; deterministic in (template id, capability, seed);
// chineseShare: the odds of a Chinese skeleton (the campaign's language mix under --varied).
PromptSkeleton promptSkeleton(std::int64_t templateId, int capability, std::uint64_t seed, double chineseShare = 0.35);
// One exchange's prompt: the skeleton with its slots filled from `variation`, plus the
// chain-of-thought request when `cot`.
std::string promptText(const PromptSkeleton& skeleton, std::uint64_t variation, bool cot);

} // namespace hs::generator
