// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One record of a JSONL or CSV log, read through dotted paths ("metadata.user_api_key_user_id",
// "messages.0.content"): the same paths work whether the record is a JSON object or a CSV row,
// because a path that reaches a text holding JSON (a CSV cell, LiteLLM's JSON columns exported as
// strings) parses that text and walks on. CSV: the first component names the column.

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hs::logimport {

class LogRow
{
public:
    void setJson(simdjson::dom::element root);
    void setCsv(const std::vector<std::string>* header, const std::vector<std::string>* cells);

    // Text at the path (a number or boolean as written; an object or array as minified JSON);
    // empty when missing or null.
    std::string_view text(std::string_view path);
    // The JSON value at the path, parsing embedded JSON text on the way; false when missing or
    // when the value is plain text that is not JSON.
    bool value(std::string_view path, simdjson::dom::element* out);
    // Plain text at the path that is not JSON (a CSV prompt column); empty otherwise.
    std::string_view plainText(std::string_view path);

private:
    bool walk(std::string_view path, simdjson::dom::element* out, std::string_view* leafText);
    bool parseEmbedded(std::string_view text, simdjson::dom::element* out);

    simdjson::dom::element m_root;
    bool m_json = false;
    const std::vector<std::string>* m_header = nullptr;
    const std::vector<std::string>* m_cells = nullptr;
    struct Parsed
    {
        std::string_view text; // where in the row (a CSV cell or a JSON string) the JSON was
        simdjson::dom::element root;
        bool ok = false;
    };
    std::vector<std::unique_ptr<simdjson::dom::parser>> m_parsers; // for embedded JSON, reused per row
    std::vector<Parsed> m_parsed;  // the texts parsed for this row, by parser
    std::size_t m_parsersUsed = 0;
    std::string m_scratch;
};

// An array or object element as such; only for an element of that type.
inline simdjson::dom::array arrayOf(simdjson::dom::element e)
{
    simdjson::dom::array a;
    return e.get(a) == simdjson::SUCCESS ? a : simdjson::dom::array();
}
inline simdjson::dom::object objectOf(simdjson::dom::element e)
{
    simdjson::dom::object o;
    return e.get(o) == simdjson::SUCCESS ? o : simdjson::dom::object();
}

// Valid values of an element as text: strings as they are, numbers and booleans printed,
// objects and arrays minified into *scratch.
std::string_view elementText(simdjson::dom::element e, std::string* scratch);

} // namespace hs::logimport
