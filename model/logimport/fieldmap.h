// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which field of a log record is the time, the account, the model, the prompt... as dotted paths
// (logrow.h), each field with a list of paths tried in order until one gives a value. LiteLLM's
// columns have a built-in map; any other JSONL or CSV needs a --map file, TOML:
//
//   time = "ts"                              # ISO-8601 or Unix seconds/ms/us/ns
//   account = ["user.id", "api_key_hash"]    # the first non-empty one wins
//   model = "request.model"
//   prompt = "request.messages"              # a messages list, a request body, or plain text
//   ip = "client.ip"
//   user_agent = "headers.user-agent"
//   prompt_tokens = "usage.input"
//   completion_tokens = "usage.output"
//   capability = "labels.capability"         # a capability the log already names
//   tools = "request.tools"                  # non-empty: the request defined tools
//
// For LiteLLM and OpenTelemetry inputs the same file overrides single fields of the built-in map.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace hs::logimport {

enum class Field { Time, Account, Model, Prompt, Ip, UserAgent, PromptTokens, CompletionTokens, Capability, Tools };
constexpr std::size_t kFieldCount = 10;

const char* fieldName(Field f); // the --map key: "time", "user_agent", ...

struct FieldMap
{
    std::array<std::vector<std::string>, kFieldCount> paths;
    const std::vector<std::string>& operator[](Field f) const { return paths[std::size_t(f)]; }
    std::vector<std::string>& operator[](Field f) { return paths[std::size_t(f)]; }
    bool overridden[kFieldCount] = {}; // set by a --map file
};

// LiteLLM_SpendLogs: account = user, else metadata.user_api_key_user_id, else api_key.
FieldMap liteLlmFieldMap();
// Reads a --map file (TOML) over *map: each key it names replaces that field's paths.
// False with *error naming the file, line or key at fault.
bool loadFieldMap(const std::string& path, FieldMap* map, std::string* error);
bool parseFieldMap(const std::string& toml, const std::string& name, FieldMap* map, std::string* error);

} // namespace hs::logimport
