// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagetext.h"

#include "logrow.h"

namespace hs::logimport {

using simdjson::dom::element;
using simdjson::dom::element_type;

namespace {

void append(std::string_view text, std::string* out, std::size_t limit)
{
    if (text.empty() || out->size() >= limit)
        return;
    if (!out->empty())
        out->push_back('\n');
    out->append(text.substr(0, limit - std::min(limit, out->size())));
}

std::string_view stringAt(element object, std::string_view key)
{
    std::string_view s;
    if (object.type() == element_type::OBJECT && object[key].get(s) == simdjson::SUCCESS)
        return s;
    return {};
}

bool nonEmpty(element object, std::string_view key)
{
    element v;
    if (object[key].get(v) != simdjson::SUCCESS)
        return false;
    if (v.type() == element_type::ARRAY)
        return arrayOf(v).size() > 0;
    if (v.type() == element_type::OBJECT)
        return objectOf(v).size() > 0;
    if (v.type() == element_type::STRING)
        return !v.get_string().value_unsafe().empty();
    return false;
}

// Content: a string, a list of parts, or one part.
void appendContent(element content, std::string* out, std::size_t limit, int depth)
{
    if (depth > 8)
        return;
    switch (content.type()) {
    case element_type::STRING:
        append(content.get_string().value_unsafe(), out, limit);
        break;
    case element_type::ARRAY:
        for (element part : arrayOf(content))
            appendContent(part, out, limit, depth + 1);
        break;
    case element_type::OBJECT: {
        const std::string_view type = stringAt(content, "type");
        if (!type.empty() && type != "text" && type != "input_text")
            break; // images, tool calls, files: not prompt text
        std::string_view text = stringAt(content, "text");
        if (text.empty())
            text = stringAt(content, "content");
        append(text, out, limit);
        break;
    }
    default:
        break;
    }
}

void appendMessages(element list, std::string* out, bool* tools, std::size_t limit)
{
    bool sawUser = false;
    for (element m : arrayOf(list)) {
        if (m.type() == element_type::OBJECT && stringAt(m, "role") == "user")
            sawUser = true;
        if (m.type() == element_type::OBJECT && (nonEmpty(m, "tool_calls") || stringAt(m, "role") == "tool"))
            *tools = true;
    }
    for (element m : arrayOf(list)) {
        if (m.type() == element_type::STRING) {
            append(m.get_string().value_unsafe(), out, limit);
            continue;
        }
        if (m.type() != element_type::OBJECT)
            continue;
        const std::string_view role = stringAt(m, "role");
        if (sawUser && role != "user")
            continue;
        element content;
        if (m["content"].get(content) == simdjson::SUCCESS)
            appendContent(content, out, limit, 0);
        else if (m["parts"].get(content) == simdjson::SUCCESS)
            appendContent(content, out, limit, 0);
    }
}

} // namespace

void appendPromptText(element value, std::string* out, bool* tools, std::size_t limit)
{
    switch (value.type()) {
    case element_type::STRING:
        append(value.get_string().value_unsafe(), out, limit);
        break;
    case element_type::ARRAY:
        appendMessages(value, out, tools, limit);
        break;
    case element_type::OBJECT: {
        if (nonEmpty(value, "tools") || nonEmpty(value, "functions"))
            *tools = true;
        element inner;
        if (value["messages"].get(inner) == simdjson::SUCCESS && inner.type() == element_type::ARRAY)
            appendMessages(inner, out, tools, limit);
        else if (value["prompt"].get(inner) == simdjson::SUCCESS)
            appendContent(inner, out, limit, 0);
        else if (value["input"].get(inner) == simdjson::SUCCESS)
            appendPromptText(inner, out, tools, limit);
        else if (value["content"].get(inner) == simdjson::SUCCESS)
            appendContent(inner, out, limit, 0);
        else if (value["parts"].get(inner) == simdjson::SUCCESS)
            appendContent(inner, out, limit, 0);
        break;
    }
    default:
        break;
    }
}

} // namespace hs::logimport
