// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope detect`: the import (model/logimport) with detection run on what it wrote, before
// the file is committed: campaigns, clusters, accounts' campaign_id and cluster_id and the
// flag_reasons go into the same temporary file, renamed into place only when everything
// succeeded. A failed or cancelled detection leaves nothing, as a failed import does.

#include "detectconfig.h"
#include "detector.h"

#include "importer.h"

#include <string>

namespace hs::detect {

struct DetectRun
{
    logimport::ImportResult import; // ok, error, counts, files, issues as for `import`
    DetectResult detect;
    double readSeconds = 0, writeSeconds = 0; // reading the exchanges back, writing the flags
    std::int64_t flaggedAccounts = 0, reasons = 0;
};

DetectRun detectLogs(logimport::ImportOptions options, const DetectConfig& config, const ProgressCallback& progress = {},
                     const std::atomic<bool>* cancel = nullptr);

// --explain: per campaign its signals with their values, then the groups left alone and why.
std::string explainText(const DetectRun& run);

} // namespace hs::detect
