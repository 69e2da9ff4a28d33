// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The normalised request: what every log reader (LiteLLM, OpenTelemetry GenAI, mapped JSONL/CSV)
// turns one logged request into, and what prompt families, capabilities, the investigation
// writer and `hydrascope detect` consume. Plain UTF-8 std::strings: a full-scale import handles
// 16.55 million of these, and nothing here needs Qt.

#include <cstdint>
#include <string>

namespace hs::logimport {

struct LogRequest
{
    std::int64_t ts = 0;          // Unix seconds, UTC (the request's start)
    std::string account;          // the identity the reader settled on (see docs/log-import.md)
    std::string model;            // requested model, else the responding one
    std::string prompt;           // the user's text, parts joined by newlines; may be empty
    std::string ip;               // client address as logged; empty when not logged
    std::string userAgent;
    std::string capabilityLabel;  // a capability named by the log itself (--map), else empty
    std::int64_t promptTokens = -1;     // -1: not logged
    std::int64_t completionTokens = -1;
    bool hasTools = false;        // the request carried tool definitions
    // Where it came from, for messages: index into the reader's file list and the line number
    // (1-based) of the record's first line.
    int file = 0;
    std::int64_t line = 0;
};

} // namespace hs::logimport
