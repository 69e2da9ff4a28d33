// SPDX-License-Identifier: GPL-3.0-or-later
#include "logreader.h"

#include "csvsplit.h"
#include "logrow.h"
#include "messagetext.h"
#include "otlpspans.h"
#include "recordreader.h"
#include "rowrequest.h"
#include "timeparse.h"

#include <simdjson.h>

#include <charconv>

namespace hs::logimport {

using simdjson::dom::element;

bool parseLogFormat(std::string_view name, LogFormat* format)
{
    static const std::pair<const char*, LogFormat> names[] = {{"auto", LogFormat::Auto},
                                                              {"litellm", LogFormat::LiteLlm},
                                                              {"otlp-json", LogFormat::OtlpJson},
                                                              {"jsonl", LogFormat::Jsonl},
                                                              {"csv", LogFormat::Csv}};
    for (const auto& [n, f] : names)
        if (name == n)
            return *format = f, true;
    return false;
}

const char* logFormatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Auto: return "auto";
    case LogFormat::LiteLlm: return "litellm";
    case LogFormat::OtlpJson: return "otlp-json";
    case LogFormat::Jsonl: return "jsonl";
    case LogFormat::Csv: return "csv";
    }
    return "auto";
}

LogReader::LogReader(LogFormat format, FieldMap map, bool haveMap)
    : m_format(format), m_map(map), m_liteLlm(liteLlmFieldMap()), m_haveMap(haveMap)
{
    for (std::size_t f = 0; f < kFieldCount; ++f)
        if (map.overridden[f]) {
            m_liteLlm.paths[f] = map.paths[f];
            m_liteLlm.overridden[f] = true;
        }
}

namespace {

std::string_view firstLine(std::string_view head)
{
    const std::size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    return line;
}

bool hasColumn(const std::vector<std::string>& header, std::string_view name)
{
    for (const std::string& h : header)
        if (h == name)
            return true;
    return false;
}

std::int64_t toCount(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    std::int64_t v = -1;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec == std::errc() && v >= 0)
        return v;
    double d = -1; // "12.0" from spreadsheets
    const auto rd = std::from_chars(text.data(), text.data() + text.size(), d);
    return rd.ec == std::errc() && d >= 0 && d < 9e18 ? std::int64_t(d) : -1;
}

std::string_view firstText(LogRow& row, const std::vector<std::string>& paths)
{
    for (const std::string& p : paths)
        if (const std::string_view t = row.text(p); !t.empty())
            return t;
    return {};
}

} // namespace

bool requestFromRow(LogRow& row, const FieldMap& map, LogRequest* r, const char** kind)
{
    const std::string_view time = firstText(row, map[Field::Time]);
    if (time.empty())
        return *kind = "records without a time", false;
    if (!parseLogTime(time, &r->ts))
        return *kind = "records with an unreadable time", false;
    r->account = firstText(row, map[Field::Account]);
    if (r->account.empty())
        return *kind = "records without an account", false;
    r->model = firstText(row, map[Field::Model]);
    if (r->model.empty())
        return *kind = "records without a model", false;
    r->ip = firstText(row, map[Field::Ip]);
    r->userAgent = firstText(row, map[Field::UserAgent]);
    r->promptTokens = toCount(firstText(row, map[Field::PromptTokens]));
    r->completionTokens = toCount(firstText(row, map[Field::CompletionTokens]));
    r->capabilityLabel = firstText(row, map[Field::Capability]);
    for (const std::string& p : map[Field::Tools]) {
        element e;
        if (row.value(p, &e)) {
            const auto t = e.type();
            if ((t == simdjson::dom::element_type::ARRAY && arrayOf(e).size() > 0) ||
                (t == simdjson::dom::element_type::OBJECT && objectOf(e).size() > 0))
                r->hasTools = true;
        } else if (const std::string_view text = row.plainText(p); !text.empty() && text != "0" && text != "false") {
            r->hasTools = true;
        }
    }
    for (const std::string& p : map[Field::Prompt]) {
        element e;
        if (row.value(p, &e))
            appendPromptText(e, &r->prompt, &r->hasTools);
        else if (const std::string_view text = row.plainText(p); !text.empty())
            r->prompt.assign(text.substr(0, 16384));
        if (!r->prompt.empty())
            break;
    }
    return true;
}

bool LogReader::decide(std::string_view head, const std::string& path, FileDecision* d)
{
    const std::string_view line = firstLine(head);
    std::size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t'))
        ++start;
    const bool json = start < line.size() && line[start] == '{';
    if (m_format == LogFormat::OtlpJson || m_format == LogFormat::Jsonl) {
        d->format = m_format;
        d->reason = std::string("as given (--format ") + logFormatName(m_format) + ")";
    } else if (m_format == LogFormat::Csv) {
        d->format = m_format;
        d->csv = true;
        d->reason = "as given (--format csv)";
    } else if (json) {
        simdjson::dom::parser parser;
        element e;
        if (parser.parse(line.data(), line.size(), true).get(e) != simdjson::SUCCESS) {
            if (m_format == LogFormat::Auto) {
                m_error = path + ": the first line is not valid JSON (byte offset 0); cannot tell the format";
                return false;
            }
        }
        element v;
        if (m_format == LogFormat::LiteLlm) {
            d->format = LogFormat::LiteLlm;
            d->reason = "as given (--format litellm), JSON lines";
        } else if (e.type() == simdjson::dom::element_type::OBJECT && e["resourceSpans"].get(v) == simdjson::SUCCESS) {
            d->format = LogFormat::OtlpJson;
            d->reason = "OTLP/JSON traces (the first line has resourceSpans)";
        } else if (e.type() == simdjson::dom::element_type::OBJECT && e["request_id"].get(v) == simdjson::SUCCESS &&
                   (e["startTime"].get(v) == simdjson::SUCCESS || e["start_time"].get(v) == simdjson::SUCCESS)) {
            d->format = LogFormat::LiteLlm;
            d->reason = "LiteLLM spend logs as JSON lines (the first line has request_id and startTime)";
        } else {
            d->format = LogFormat::Jsonl;
            d->reason = "JSON lines of another shape (neither resourceSpans nor LiteLLM's request_id and startTime)";
        }
    } else {
        std::vector<std::string> header;
        splitCsvRecord(line, &header);
        d->csv = true;
        if (m_format == LogFormat::LiteLlm) {
            d->format = LogFormat::LiteLlm;
            d->reason = "as given (--format litellm), CSV";
        } else if (hasColumn(header, "request_id") && (hasColumn(header, "startTime") || hasColumn(header, "start_time"))) {
            d->format = LogFormat::LiteLlm;
            d->reason = "LiteLLM spend logs as CSV (the header names request_id and startTime)";
        } else if (header.size() >= 2) {
            d->format = LogFormat::Csv;
            d->reason = "CSV of another shape (the header lacks LiteLLM's request_id and startTime)";
        } else {
            m_error = path + ": neither JSON lines nor CSV with a header (byte offset 0); give --format";
            return false;
        }
    }
    if ((d->format == LogFormat::Jsonl || d->format == LogFormat::Csv) && !m_haveMap) {
        m_error = path + ": read as " + d->reason + ", which needs --map to name the time, account and model fields";
        return false;
    }
    if ((d->format == LogFormat::Jsonl || d->format == LogFormat::Csv) &&
        (m_map[Field::Time].empty() || m_map[Field::Account].empty() || m_map[Field::Model].empty())) {
        m_error = path + ": the --map file must name time, account and model for " + d->reason;
        return false;
    }
    return true;
}

bool LogReader::readFile(const std::string& path, int fileIndex, const Sink& sink, const Progress& progress,
                         const std::atomic<bool>* cancel, const std::string_view* memory)
{
    RecordReader reader;
    if (memory) {
        reader.openMemory(*memory);
    } else {
        std::string error;
        if (!reader.open(path, &error)) {
            m_error = path + ": " + error;
            return false;
        }
    }
    FileReport report;
    report.path = path;
    // The first line decides the format: read ahead until it is whole (an OTLP line batches many
    // spans), up to 64 MB.
    std::size_t want = 65536;
    std::string_view head = reader.peek(want);
    while (head.find('\n') == std::string_view::npos && head.size() >= want && want < (std::size_t(64) << 20)) {
        want *= 4;
        head = reader.peek(want);
    }
    if (!reader.error().empty()) {
        m_error = path + ": " + reader.error();
        return false;
    }
    if (head.empty()) {
        m_error = path + ": the file is empty";
        return false;
    }
    if (!decide(head, path, &report.decision))
        return false;
    const FileDecision& d = report.decision;
    const FieldMap& map = d.format == LogFormat::LiteLlm ? m_liteLlm : m_map;

    simdjson::dom::parser parser;
    LogRow row;
    std::vector<std::string> header, cells;
    Batch batch;
    batch.reserve(kBatch);
    std::string_view record;
    std::int64_t goodRecords = 0;
    std::int64_t lastProgressLine = 0;
    while (reader.next(&record, d.csv)) {
        const std::int64_t line = reader.line();
        if (d.csv && header.empty()) {
            if (!splitCsvRecord(record, &header) || header.empty()) {
                m_error = path + ": the CSV header is unreadable (byte offset 0)";
                return false;
            }
            continue;
        }
        ++report.records;
        if (record.find_first_not_of(" \t") == std::string_view::npos)
            continue; // blank lines are not records
        const char* kind = nullptr;
        const std::size_t before = batch.size();
        if (d.format == LogFormat::OtlpJson) {
            element e;
            if (parser.parse(record.data(), record.size(), true).get(e) != simdjson::SUCCESS) {
                kind = reader.unterminated() ? "truncated last lines" : "lines not valid JSON";
            } else {
                const OtlpLineResult r = requestsFromOtlp(e, m_map, fileIndex, line, path, &batch, &m_issues);
                report.otherSpans += r.otherSpans;
            }
        } else {
            LogRequest r;
            r.file = fileIndex;
            r.line = line;
            bool ok = true;
            if (d.csv) {
                if (!splitCsvRecord(record, &cells)) {
                    kind = reader.unterminated() ? "truncated last lines" : "CSV records with an unterminated quote";
                    ok = false;
                } else if (cells.size() != header.size()) {
                    kind = reader.unterminated() ? "truncated last lines" : "CSV records with the wrong number of fields";
                    ok = false;
                } else {
                    row.setCsv(&header, &cells);
                }
            } else {
                element e;
                if (parser.parse(record.data(), record.size(), true).get(e) != simdjson::SUCCESS ||
                    e.type() != simdjson::dom::element_type::OBJECT) {
                    kind = reader.unterminated() ? "truncated last lines" : "lines not a JSON object";
                    ok = false;
                } else {
                    row.setJson(e);
                }
            }
            if (ok && requestFromRow(row, map, &r, &kind))
                batch.push_back(std::move(r));
        }
        if (kind)
            m_issues.add(kind, path, line);
        else
            ++goodRecords;
        report.requests += std::int64_t(batch.size() - before);
        if (batch.size() >= kBatch) {
            sink(batch);
            batch.clear();
        }
        if (line - lastProgressLine >= 1024) {
            lastProgressLine = line;
            if (cancel && cancel->load()) {
                m_cancelled = true;
                m_error = "cancelled";
                return false;
            }
            if (progress)
                progress(reader.inputOffset());
        }
    }
    if (!reader.error().empty()) {
        m_error = path + ": " + reader.error();
        return false;
    }
    if (!batch.empty())
        sink(batch);
    if (goodRecords == 0 && report.records > 0) {
        m_error = path + ": none of its " + std::to_string(report.records) +
                  " records could be read as " + d.reason + " (byte offset 0)";
        return false;
    }
    report.sha256 = reader.sha256Hex();
    m_files.push_back(std::move(report));
    return true;
}

} // namespace hs::logimport
