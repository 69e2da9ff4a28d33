// SPDX-License-Identifier: GPL-3.0-or-later
#include "otlpspans.h"

#include "logrow.h"
#include "messagetext.h"
#include "timeparse.h"

#include <charconv>

namespace hs::logimport {

using simdjson::dom::element;
using simdjson::dom::element_type;

namespace {

// Attribute key -> field, in order of preference: the current conventions first, then the names
// of semantic conventions v1.36 and older instrumentations. Looked up on the span, then on its
// resource. Extend here when the conventions rename something.
struct AttributeRule
{
    Field field;
    const char* key;
};
const AttributeRule kAttributes[] = {
    {Field::Model, "gen_ai.request.model"},
    {Field::Model, "gen_ai.response.model"},
    {Field::Account, "user.id"},
    {Field::Account, "enduser.id"},              // v1.36 and earlier
    {Field::Ip, "client.address"},
    {Field::Ip, "http.client_ip"},               // before client.address
    {Field::UserAgent, "user_agent.original"},
    {Field::UserAgent, "http.user_agent"},       // before user_agent.original
    {Field::PromptTokens, "gen_ai.usage.input_tokens"},
    {Field::PromptTokens, "gen_ai.usage.prompt_tokens"},         // deprecated name
    {Field::CompletionTokens, "gen_ai.usage.output_tokens"},
    {Field::CompletionTokens, "gen_ai.usage.completion_tokens"}, // deprecated name
    {Field::Prompt, "gen_ai.input.messages"},    // opt-in, JSON messages with parts
    {Field::Prompt, "gen_ai.prompt"},            // v1.36 and earlier (removed since)
    {Field::Tools, "gen_ai.tool.definitions"},
};
// Any of these marks a span as a GenAI one. gen_ai.system is the v1.36 name of gen_ai.provider.name.
const char* const kGenAiMarkers[] = {"gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.system",
                                     "gen_ai.request.model"};
// Span events older instrumentations record the prompt in (v1.36 "gen_ai.user.message").
const char* const kPromptEvents[] = {"gen_ai.user.message"};
const char* const kEventContentKeys[] = {"gen_ai.event.content", "content", "message"};

using Attributes = std::vector<std::pair<std::string_view, element>>; // key -> AnyValue object

void collect(element owner, Attributes* out)
{
    out->clear();
    simdjson::dom::array list;
    if (owner["attributes"].get(list) != simdjson::SUCCESS)
        return;
    for (element kv : list) {
        std::string_view key;
        element value;
        if (kv["key"].get(key) == simdjson::SUCCESS && kv["value"].get(value) == simdjson::SUCCESS)
            out->emplace_back(key, value);
    }
}

bool find(const Attributes& attrs, std::string_view key, element* value)
{
    for (const auto& [k, v] : attrs)
        if (k == key) {
            *value = v;
            return true;
        }
    return false;
}

// An AnyValue as text: stringValue as is, intValue (a string in OTLP/JSON) and doubleValue printed.
std::string_view anyText(element any, std::string* scratch)
{
    element v;
    for (const char* k : {"stringValue", "intValue", "doubleValue", "boolValue"})
        if (any[k].get(v) == simdjson::SUCCESS)
            return elementText(v, scratch);
    return {};
}

struct SpanView
{
    const Attributes* span;
    const Attributes* resource;
    bool value(std::string_view key, element* out) const { return find(*span, key, out) || find(*resource, key, out); }
};

std::string_view fieldText(const SpanView& s, const FieldMap& overrides, Field f, std::string* scratch, element* any)
{
    auto tryKey = [&](std::string_view key) -> std::string_view {
        if (!s.value(key, any))
            return {};
        return anyText(*any, scratch);
    };
    if (overrides.overridden[std::size_t(f)]) {
        for (const std::string& key : overrides[f])
            if (const std::string_view t = tryKey(key); !t.empty())
                return t;
        return {};
    }
    for (const AttributeRule& rule : kAttributes)
        if (rule.field == f)
            if (const std::string_view t = tryKey(rule.key); !t.empty())
                return t;
    return {};
}

std::int64_t toCount(std::string_view text)
{
    std::int64_t v = -1;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    return r.ec == std::errc() && v >= 0 ? v : -1;
}

// Prompt text held as JSON in an attribute or event: messages with parts, or plain text.
void appendJsonOrText(std::string_view text, simdjson::dom::parser& parser, LogRequest* r)
{
    element e;
    if (!text.empty() && (text.front() == '[' || text.front() == '{') &&
        parser.parse(text.data(), text.size(), true).get(e) == simdjson::SUCCESS)
        appendPromptText(e, &r->prompt, &r->hasTools);
    else if (!text.empty()) {
        if (!r->prompt.empty())
            r->prompt.push_back('\n');
        r->prompt.append(text.substr(0, 16384));
    }
}

// OpenLLMetry's flattened form: gen_ai.prompt.0.role = "user", gen_ai.prompt.0.content = "...".
void promptFromFlattened(const Attributes& attrs, std::string* scratch, LogRequest* r)
{
    constexpr std::string_view prefix = "gen_ai.prompt.";
    constexpr std::string_view suffix = ".content";
    for (const auto& [key, any] : attrs) {
        if (key.size() <= prefix.size() + suffix.size() || key.substr(0, prefix.size()) != prefix ||
            key.substr(key.size() - suffix.size()) != suffix)
            continue;
        const std::string roleKey = std::string(key.substr(0, key.size() - suffix.size())) + ".role";
        element role;
        std::string roleScratch;
        if (find(attrs, roleKey, &role) && anyText(role, &roleScratch) != "user")
            continue;
        const std::string_view text = anyText(any, scratch);
        if (text.empty() || r->prompt.size() >= 16384)
            continue;
        if (!r->prompt.empty())
            r->prompt.push_back('\n');
        r->prompt.append(text.substr(0, 16384));
    }
}

void promptFromEvents(element span, simdjson::dom::parser& parser, std::string* scratch, LogRequest* r)
{
    simdjson::dom::array events;
    if (span["events"].get(events) != simdjson::SUCCESS)
        return;
    Attributes attrs;
    for (element event : events) {
        std::string_view name;
        if (event["name"].get(name) != simdjson::SUCCESS)
            continue;
        bool wanted = false;
        for (const char* n : kPromptEvents)
            wanted = wanted || name == n;
        if (!wanted)
            continue;
        collect(event, &attrs);
        element any;
        for (const char* key : kEventContentKeys)
            if (find(attrs, key, &any)) {
                appendJsonOrText(anyText(any, scratch), parser, r);
                break;
            }
    }
}

} // namespace

OtlpLineResult requestsFromOtlp(element line, const FieldMap& overrides, int file, std::int64_t lineNumber,
                                const std::string& fileName, std::vector<LogRequest>* out, ReadIssues* issues)
{
    OtlpLineResult result;
    simdjson::dom::array resourceSpans;
    if (line["resourceSpans"].get(resourceSpans) != simdjson::SUCCESS) {
        issues->add("lines without resourceSpans", fileName, lineNumber);
        return result;
    }
    thread_local simdjson::dom::parser nested;
    Attributes resourceAttrs, spanAttrs;
    std::string scratch;
    for (element rs : resourceSpans) {
        element resource;
        if (rs["resource"].get(resource) == simdjson::SUCCESS)
            collect(resource, &resourceAttrs);
        else
            resourceAttrs.clear();
        simdjson::dom::array scopes;
        if (rs["scopeSpans"].get(scopes) != simdjson::SUCCESS &&
            rs["instrumentationLibrarySpans"].get(scopes) != simdjson::SUCCESS) // before OTLP 0.15
            continue;
        for (element scope : scopes) {
            simdjson::dom::array spans;
            if (scope["spans"].get(spans) != simdjson::SUCCESS)
                continue;
            for (element span : spans) {
                collect(span, &spanAttrs);
                const SpanView view{&spanAttrs, &resourceAttrs};
                element any;
                bool genAi = false;
                for (const char* marker : kGenAiMarkers)
                    genAi = genAi || find(spanAttrs, marker, &any);
                if (!genAi) {
                    ++result.otherSpans;
                    continue;
                }
                ++result.genAiSpans;
                LogRequest r;
                r.file = file;
                r.line = lineNumber;
                element t;
                std::string_view timeText;
                if (span["startTimeUnixNano"].get(t) == simdjson::SUCCESS)
                    timeText = elementText(t, &scratch);
                if (timeText.empty() || !parseLogTime(timeText, &r.ts)) {
                    issues->add("GenAI spans without a readable startTimeUnixNano", fileName, lineNumber);
                    continue;
                }
                r.account = fieldText(view, overrides, Field::Account, &scratch, &any);
                if (r.account.empty()) {
                    issues->add("GenAI spans without an account (user.id, enduser.id)", fileName, lineNumber);
                    continue;
                }
                r.model = fieldText(view, overrides, Field::Model, &scratch, &any);
                if (r.model.empty()) {
                    issues->add("GenAI spans without a model", fileName, lineNumber);
                    continue;
                }
                r.ip = fieldText(view, overrides, Field::Ip, &scratch, &any);
                r.userAgent = fieldText(view, overrides, Field::UserAgent, &scratch, &any);
                r.promptTokens = toCount(fieldText(view, overrides, Field::PromptTokens, &scratch, &any));
                r.completionTokens = toCount(fieldText(view, overrides, Field::CompletionTokens, &scratch, &any));
                r.capabilityLabel = fieldText(view, overrides, Field::Capability, &scratch, &any);
                r.hasTools = !fieldText(view, overrides, Field::Tools, &scratch, &any).empty();
                const std::string prompt(fieldText(view, overrides, Field::Prompt, &scratch, &any));
                appendJsonOrText(prompt, nested, &r);
                if (r.prompt.empty())
                    promptFromFlattened(spanAttrs, &scratch, &r);
                if (r.prompt.empty())
                    promptFromEvents(span, nested, &scratch, &r);
                out->push_back(std::move(r));
            }
        }
    }
    return result;
}

} // namespace hs::logimport
