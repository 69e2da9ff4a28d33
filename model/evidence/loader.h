// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Opens, validates and loads a flagged-campaign database. The one entry point for the GUI, the
// command line and the tests: runs on any thread, reports progress, can be cancelled.

#include "findings.h"
#include "investigation.h"
#include "progress.h"

#include <memory>

namespace hs {

struct LoadOptions
{
    bool computeHash = true; // SHA-256 of the evidence file, on a thread beside the scan
    int threads = 0;         // exchange-scan threads; 0 picks one per core (at most 4)
    bool keepColumns = false; // keep per-exchange columns for exact selection figures (dashboard)
    bool directRead = true;   // read exchanges' pages directly where safe (btreereader.h); false: always SQLite
};

struct LoadResult
{
    std::shared_ptr<const Investigation> investigation; // null when the file is invalid or cancelled
    Findings findings;                                  // everything found, errors included
    bool cancelled = false;
    bool ok() const { return investigation != nullptr; }
};

LoadResult loadInvestigation(const QString& path, const LoadOptions& options = {},
                             const ProgressSink& progress = {});

} // namespace hs
