// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes a synthetic flagged-campaign database (format version 1) modelled on the public case:
// three invented distillation campaigns, an organic baseline, a hydra cluster of 20,000+
// accounts at full scale, one campaign pivoting to a model released mid-campaign.
// The file is clearly marked synthetic in `meta`. Deterministic for a given seed and scale.

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>

namespace hs {

enum class GenerateScale { Demo, Full, Tiny };

struct GenerateOptions
{
    GenerateScale scale = GenerateScale::Demo;
    std::uint64_t seed = 20260224;
    bool varied = false; // each campaign draws its own language, templates, timing, payment sharing,
                         // organic-looking accounts (generatorvariation.h)
};

struct GenerateResult
{
    bool ok = false;
    QString error;               // set when !ok: names the file and what failed
    std::int64_t exchanges = 0;  // rows written to exchanges
    std::int64_t accounts = 0;   // rows written to accounts
};

// fraction in 0..1; called at most a few times a second. Return value ignored.
using GenerateProgress = std::function<void(double fraction)>;

// Writes to a temporary file beside `path` and renames it into place at the end, so a failed or
// cancelled run never leaves a half-written database under `path`.
GenerateResult generateInvestigation(const QString& path, const GenerateOptions& options,
                                     const GenerateProgress& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);

// "demo", "full", "tiny" -> scale; false when the name is unknown.
bool parseGenerateScale(const QString& name, GenerateScale* scale);

} // namespace hs
