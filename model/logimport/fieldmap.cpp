// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmap.h"

#include <cpptoml.h>

#include <fstream>
#include <sstream>

namespace hs::logimport {

const char* fieldName(Field f)
{
    static const char* const names[kFieldCount] = {"time", "account", "model", "prompt", "ip", "user_agent",
                                                    "prompt_tokens", "completion_tokens", "capability", "tools"};
    return names[std::size_t(f)];
}

FieldMap liteLlmFieldMap()
{
    FieldMap m;
    m[Field::Time] = {"startTime", "start_time"};
    m[Field::Account] = {"user", "metadata.user_api_key_user_id", "api_key"};
    m[Field::Model] = {"model", "model_group"};
    m[Field::Prompt] = {"messages", "proxy_server_request"};
    m[Field::Ip] = {"requester_ip_address", "metadata.requester_ip_address"};
    m[Field::UserAgent] = {"metadata.user_agent", "metadata.headers.user-agent", "proxy_server_request.headers.user-agent"};
    m[Field::PromptTokens] = {"prompt_tokens"};
    m[Field::CompletionTokens] = {"completion_tokens"};
    m[Field::Tools] = {"proxy_server_request.tools", "proxy_server_request.functions"};
    return m;
}

bool parseFieldMap(const std::string& toml, const std::string& name, FieldMap* map, std::string* error)
{
    std::shared_ptr<cpptoml::table> table;
    try {
        std::istringstream in(toml);
        cpptoml::parser parser(in);
        table = parser.parse();
    } catch (const std::exception& e) {
        *error = name + ": " + e.what();
        return false;
    }
    for (const auto& [key, value] : *table) {
        std::size_t f = 0;
        while (f < kFieldCount && key != fieldName(Field(f)))
            ++f;
        if (f == kFieldCount) {
            *error = name + ": unknown key '" + key +
                     "' (known: time, account, model, prompt, ip, user_agent, prompt_tokens, "
                     "completion_tokens, capability, tools)";
            return false;
        }
        std::vector<std::string> paths;
        if (auto s = value->as<std::string>()) {
            paths.push_back(s->get());
        } else if (auto a = value->as_array()) {
            for (const auto& item : *a) {
                auto s2 = item->as<std::string>();
                if (!s2) {
                    *error = name + ": key '" + key + "' must list text paths";
                    return false;
                }
                paths.push_back(s2->get());
            }
        } else {
            *error = name + ": key '" + key + "' must be a text path or a list of them";
            return false;
        }
        for (const std::string& p : paths)
            if (p.empty()) {
                *error = name + ": key '" + key + "' has an empty path";
                return false;
            }
        map->paths[f] = std::move(paths);
        map->overridden[f] = true;
    }
    return true;
}

bool loadFieldMap(const std::string& path, FieldMap* map, std::string* error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = path + ": cannot open the mapping file";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseFieldMap(text.str(), path, map, error);
}

} // namespace hs::logimport
