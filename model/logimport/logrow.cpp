// SPDX-License-Identifier: GPL-3.0-or-later
#include "logrow.h"

#include <charconv>

namespace hs::logimport {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view elementText(element e, std::string* scratch)
{
    switch (e.type()) {
    case element_type::STRING:
        return std::string_view(e.get_string().value_unsafe());
    case element_type::INT64:
        *scratch = std::to_string(e.get_int64().value_unsafe());
        return *scratch;
    case element_type::UINT64:
        *scratch = std::to_string(e.get_uint64().value_unsafe());
        return *scratch;
    case element_type::DOUBLE: {
        char buffer[32];
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, e.get_double().value_unsafe());
        scratch->assign(buffer, r.ptr);
        return *scratch;
    }
    case element_type::BOOL:
        return e.get_bool().value_unsafe() ? "true" : "false";
    case element_type::NULL_VALUE:
        return {};
    case element_type::ARRAY:
    case element_type::OBJECT:
        *scratch = simdjson::minify(e);
        return *scratch;
    }
    return {};
}

void LogRow::setJson(element root)
{
    m_root = root;
    m_json = true;
    m_parsersUsed = 0;
}

void LogRow::setCsv(const std::vector<std::string>* header, const std::vector<std::string>* cells)
{
    m_header = header;
    m_cells = cells;
    m_json = false;
    m_parsersUsed = 0;
}

bool LogRow::parseEmbedded(std::string_view text, element* out)
{
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    if (start == text.size() || (text[start] != '{' && text[start] != '['))
        return false;
    // A text is parsed once per row however many paths walk through it (LiteLLM's map reads
    // `metadata` up to five times); each distinct text needs its own parser while the row is in
    // use, and a row with more than 32 JSON texts on the map's paths is not a log record.
    for (std::size_t i = 0; i < m_parsersUsed; ++i)
        if (m_parsed[i].text.data() == text.data() && m_parsed[i].text.size() == text.size()) {
            *out = m_parsed[i].root;
            return m_parsed[i].ok;
        }
    if (m_parsersUsed >= 32)
        return false;
    if (m_parsersUsed == m_parsers.size()) {
        m_parsers.push_back(std::make_unique<simdjson::dom::parser>());
        m_parsed.emplace_back();
    }
    Parsed& p = m_parsed[m_parsersUsed];
    p.text = text;
    p.ok = m_parsers[m_parsersUsed++]->parse(text.data(), text.size(), true).get(p.root) == simdjson::SUCCESS;
    *out = p.root;
    return p.ok;
}

bool LogRow::walk(std::string_view path, element* out, std::string_view* leafText)
{
    element current;
    std::string_view rest = path;
    auto nextComponent = [&rest]() {
        const std::size_t dot = rest.find('.');
        const std::string_view c = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
        return c;
    };
    if (m_json) {
        current = m_root;
    } else {
        if (!m_header || !m_cells)
            return false;
        const std::string_view column = nextComponent();
        std::size_t i = 0;
        while (i < m_header->size() && (*m_header)[i] != column)
            ++i;
        if (i >= m_header->size() || i >= m_cells->size())
            return false;
        const std::string& cell = (*m_cells)[i];
        if (rest.empty()) {
            *leafText = cell;
            return true;
        }
        if (!parseEmbedded(cell, &current))
            return false;
    }
    while (!rest.empty()) {
        const std::string_view key = nextComponent();
        if (current.type() == element_type::STRING) {
            if (!parseEmbedded(std::string_view(current.get_string().value_unsafe()), &current))
                return false;
        }
        if (current.type() == element_type::OBJECT) {
            if (objectOf(current).at_key(key).get(current) != simdjson::SUCCESS)
                return false;
        } else if (current.type() == element_type::ARRAY) {
            std::size_t index = 0;
            const auto r = std::from_chars(key.data(), key.data() + key.size(), index);
            if (r.ec != std::errc() || r.ptr != key.data() + key.size())
                return false;
            if (arrayOf(current).at(index).get(current) != simdjson::SUCCESS)
                return false;
        } else {
            return false;
        }
    }
    *out = current;
    *leafText = {};
    return true;
}

std::string_view LogRow::text(std::string_view path)
{
    element e;
    std::string_view leaf;
    if (!walk(path, &e, &leaf))
        return {};
    if (!leaf.empty() || (!m_json && path.find('.') == std::string_view::npos))
        return leaf;
    return elementText(e, &m_scratch);
}

bool LogRow::value(std::string_view path, simdjson::dom::element* out)
{
    std::string_view leaf;
    simdjson::dom::element e;
    if (!walk(path, &e, &leaf))
        return false;
    if (!m_json && path.find('.') == std::string_view::npos)
        return parseEmbedded(leaf, out);
    if (e.type() == element_type::STRING && parseEmbedded(std::string_view(e.get_string().value_unsafe()), out))
        return true;
    *out = e;
    return true;
}

std::string_view LogRow::plainText(std::string_view path)
{
    const std::string_view t = text(path);
    std::size_t start = 0;
    while (start < t.size() && (t[start] == ' ' || t[start] == '\t' || t[start] == '\n'))
        ++start;
    if (start < t.size() && (t[start] == '{' || t[start] == '['))
        return {};
    return t;
}

} // namespace hs::logimport
