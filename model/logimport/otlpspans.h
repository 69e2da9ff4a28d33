// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// OpenTelemetry GenAI spans from OTLP/JSON, as the collector's file exporter writes them: one
// ExportTraceServiceRequest a line, resourceSpans -> scopeSpans -> spans, attributes as
// {key, value: {stringValue | intValue | doubleValue | boolValue | arrayValue}}.
// Only GenAI spans become requests (a span with gen_ai.operation.name, gen_ai.provider.name,
// gen_ai.system or gen_ai.request.model); the other spans of a trace are passed over.
// Which attribute feeds which field is one table in otlpspans.cpp (kAttributes): the GenAI
// conventions are still in development, and a renamed attribute is one more line there.

#include "fieldmap.h"
#include "logrequest.h"
#include "readissues.h"

#include <simdjson.h>

#include <vector>

namespace hs::logimport {

struct OtlpLineResult
{
    int genAiSpans = 0;  // became requests or were skipped as bad (counted in issues)
    int otherSpans = 0;  // not GenAI: passed over
};

// Appends a request per GenAI span of one parsed line. `overrides`: fields named by a --map
// file, read as attribute keys instead of the built-in table.
OtlpLineResult requestsFromOtlp(simdjson::dom::element line, const FieldMap& overrides, int file,
                                std::int64_t lineNumber, const std::string& fileName,
                                std::vector<LogRequest>* out, ReadIssues* issues);

} // namespace hs::logimport
