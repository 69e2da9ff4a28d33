// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `hydrascope generate --as litellm-csv|otlp-json|jsonl -o DIR`: the synthetic investigation
// written as the raw logs a gateway keeps, for import, detection and their benchmarks to have a
// known answer at every scale. DIR receives:
//   requests.csv | requests.jsonl   the logs (LiteLLM spend logs as CSV, OTLP/JSON GenAI spans,
//                                   or plain JSON lines with map.toml naming their fields)
//   accounts.csv, models.csv        the --accounts and --models files of `hydrascope import`
//   ground-truth.csv                account, campaign_id, campaign, cluster_id
//   truth.db                        the synthetic investigation itself (the full ground truth)
// Each exchange becomes one request with prompt text from generatorprompts.h.

#include "generator.h"

#include <QString>
#include <QStringList>

namespace hs {

enum class LogShape { LiteLlmCsv, OtlpJson, Jsonl };

// "litellm-csv", "otlp-json", "jsonl"; false for any other name.
bool parseLogShape(const QString& name, LogShape* shape);

struct GenerateLogsResult
{
    bool ok = false;
    QString error;
    std::int64_t requests = 0;
    QStringList files; // written, in DIR
};

// DIR must exist and be empty (the command line checks). Writes each file to a temporary name
// and renames it at the end.
GenerateLogsResult generateLogs(const QString& dir, LogShape shape, const GenerateOptions& options,
                                const GenerateProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace hs
