// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope import`: log files -> normalised requests (LogReader) -> prompt families and
// capabilities (PromptAnalyzer) -> a format-1.1 investigation (InvestigationWriter) in which every
// account is unflagged (campaign_id NULL), for a reviewer to look at raw traffic and for
// `hydrascope detect` to flag campaigns on top of. Accounts come from the logs' identities joined
// with --accounts; models from the logs joined with --models (without it a model's release time
// is its first appearance, and meta says so).

#include "logreader.h"
#include "readissues.h"

#include "progress.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hs::logimport {

class InvestigationWriter;

struct ImportOptions
{
    std::vector<std::string> inputs;  // files or folders (a folder: its files, sorted by name)
    std::string output;
    LogFormat format = LogFormat::Auto;
    std::string accountsCsv, modelsCsv, mapFile, rulesFile;
    std::optional<std::int64_t> from, to; // keep requests with from <= ts < to
    bool force = false;                   // replace an existing output
    std::string title;                    // meta.title; a default names the files
    // `hydrascope detect`: runs once every table is written, before the file is committed and
    // renamed into place; false (with *error) abandons the whole output. The writer can read
    // back what it wrote (forEachRow) and add campaigns, clusters and flag reasons.
    std::function<bool(InvestigationWriter& writer, std::string* error)> beforeFinish;
    std::string generatedBy = "hydrascope import"; // meta.generated_by, before the version
};

struct StageTimes
{
    // Seconds of wall time: the whole import, and the time each stage was busy. The stages run
    // as a pipeline (reading, analysis, writing at once), so their times add up to more than
    // the total.
    double parse = 0, families = 0, write = 0, total = 0;
    // CPU seconds of each stage over all threads: unlike the wall times, these do not depend on
    // what else the machine is running (docs/performance.md).
    double parseCpu = 0, familiesCpu = 0, writeCpu = 0;
};

struct ImportResult
{
    bool ok = false;
    std::string error;                 // set when !ok: nothing was written
    bool cancelled = false;
    std::int64_t requests = 0;         // exchanges written
    std::int64_t outsideRange = 0;     // dropped by --from/--to
    std::int64_t accounts = 0, models = 0, templates = 0, indicators = 0;
    std::int64_t accountsCsvUnused = 0; // --accounts rows whose account sent nothing
    bool releasesFromLogs = false;     // some model's release time is its first appearance
    std::vector<FileReport> files;     // what was read and how each file's format was decided
    ReadIssues issues;                 // skipped records, counted by kind
    std::vector<std::string> notes;    // plain sentences for the reviewer
    StageTimes times;
};

// Expands folders into their files (sorted, hidden files skipped); false with *error for a
// missing input.
bool expandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* files, std::string* error);

ImportResult importLogs(const ImportOptions& options, const ProgressCallback& progress = {},
                        const std::atomic<bool>* cancel = nullptr);

} // namespace hs::logimport
