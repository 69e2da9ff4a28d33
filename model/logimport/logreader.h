// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads log files into normalised requests (logrequest.h), deciding each file's format from its
// content when asked to (--format auto) and saying what it decided and why. Bad records are
// skipped and counted (readissues.h); a file that cannot be read at all is refused with its name
// and the byte offset. Requests leave in batches through a callback, so that nothing holds a
// whole log in memory.

#include "fieldmap.h"
#include "logrequest.h"
#include "readissues.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hs::logimport {

enum class LogFormat { Auto, LiteLlm, OtlpJson, Jsonl, Csv };

// "auto", "litellm", "otlp-json", "jsonl", "csv"; false for any other name.
bool parseLogFormat(std::string_view name, LogFormat* format);
const char* logFormatName(LogFormat format);

struct FileDecision
{
    LogFormat format = LogFormat::Auto;
    bool csv = false;       // LiteLLM and generic: CSV rather than JSON lines
    std::string reason;     // "LiteLLM CSV export (header names request_id, startTime, api_key)"
};

struct FileReport
{
    std::string path;
    FileDecision decision;
    std::int64_t records = 0;   // lines or CSV records read
    std::int64_t requests = 0;  // requests delivered
    std::int64_t otherSpans = 0; // OTLP spans that were not GenAI ones
    std::string sha256;          // of the file's bytes, hashed while reading; empty when not known
};

class LogReader
{
public:
    using Batch = std::vector<LogRequest>;
    using Sink = std::function<void(Batch&)>;
    // bytes read of the current file, for progress
    using Progress = std::function<void(std::uint64_t inputBytes)>;

    // `map` is the --map file already loaded (empty FieldMap when none).
    LogReader(LogFormat format, FieldMap map, bool haveMap);

    // Reads one file (or `memory` when not null: tests and fuzzers). False when the file is
    // refused: error() then names it and the byte offset; requests already delivered stay
    // delivered (the caller discards its output).
    bool readFile(const std::string& path, int fileIndex, const Sink& sink, const Progress& progress = {},
                  const std::atomic<bool>* cancel = nullptr, const std::string_view* memory = nullptr);

    const std::string& error() const { return m_error; }
    const ReadIssues& issues() const { return m_issues; }
    const std::vector<FileReport>& files() const { return m_files; }
    bool cancelled() const { return m_cancelled; }

    static constexpr std::size_t kBatch = 4096;

private:
    bool decide(std::string_view head, const std::string& path, FileDecision* d);

    LogFormat m_format;
    FieldMap m_map;      // the --map file over nothing (generic) ...
    FieldMap m_liteLlm;  // ... and over LiteLLM's built-in map
    bool m_haveMap;
    ReadIssues m_issues;
    std::vector<FileReport> m_files;
    std::string m_error;
    bool m_cancelled = false;
};

} // namespace hs::logimport
