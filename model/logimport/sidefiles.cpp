// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidefiles.h"

#include "csvsplit.h"
#include "recordreader.h"
#include "timeparse.h"

#include <algorithm>

namespace hs::logimport {

namespace {

// Calls row(cells, line) for each record after the header; false with *error when the file or
// its header cannot be read or lacks `required`.
template <typename Row>
bool readCsv(const std::string& path, const char* required, std::vector<std::string>* header, std::string* error,
             Row row)
{
    RecordReader reader;
    std::string openError;
    if (!reader.open(path, &openError)) {
        *error = path + ": " + openError;
        return false;
    }
    std::string_view record;
    std::vector<std::string> cells;
    while (reader.next(&record, true)) {
        if (header->empty()) {
            if (!splitCsvRecord(record, header)) {
                *error = path + ": the header is unreadable (byte offset 0)";
                return false;
            }
            for (std::string& h : *header)
                while (!h.empty() && (h.back() == ' ' || h.front() == ' '))
                    h = h.back() == ' ' ? h.substr(0, h.size() - 1) : h.substr(1);
            bool found = false;
            for (const std::string& h : *header)
                found = found || h == required;
            if (!found) {
                *error = path + ": the header has no '" + required + "' column";
                return false;
            }
            continue;
        }
        if (record.empty())
            continue;
        const bool ok = splitCsvRecord(record, &cells) && cells.size() == header->size();
        row(ok ? &cells : nullptr, reader.line());
    }
    if (!reader.error().empty()) {
        *error = path + ": " + reader.error();
        return false;
    }
    if (header->empty()) {
        *error = path + ": the file is empty";
        return false;
    }
    return true;
}

std::string cell(const std::vector<std::string>& header, const std::vector<std::string>& cells, const char* name)
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            return cells[i];
    return {};
}

// Empty: no value (fine); unreadable: false.
bool optionalTime(const std::string& text, std::optional<std::int64_t>* out)
{
    if (text.empty())
        return true;
    std::int64_t t = 0;
    if (!parseLogTime(text, &t))
        return false;
    *out = t;
    return true;
}

} // namespace

bool readAccountsCsv(const std::string& path, std::unordered_map<std::string, AccountInfo>* accounts,
                     ReadIssues* issues, std::string* error)
{
    std::vector<std::string> header;
    return readCsv(path, "account", &header, error, [&](const std::vector<std::string>* cells, std::int64_t line) {
        if (!cells) {
            issues->add("accounts CSV rows with the wrong number of fields", path, line);
            return;
        }
        const std::string account = cell(header, *cells, "account");
        if (account.empty()) {
            issues->add("accounts CSV rows without an account", path, line);
            return;
        }
        AccountInfo info;
        if (!optionalTime(cell(header, *cells, "created_at"), &info.createdAt) ||
            !optionalTime(cell(header, *cells, "status_changed_at"), &info.statusChangedAt)) {
            issues->add("accounts CSV rows with an unreadable time", path, line);
            return;
        }
        info.country = cell(header, *cells, "country");
        info.accessPath = cell(header, *cells, "access_path");
        info.payment = cell(header, *cells, "payment_fingerprint");
        info.emailDomain = cell(header, *cells, "email_domain");
        info.orgName = cell(header, *cells, "org_name");
        info.status = cell(header, *cells, "status");
        (*accounts)[account] = std::move(info);
    });
}

bool readModelsCsv(const std::string& path, std::vector<ModelRelease>* models, ReadIssues* issues, std::string* error)
{
    std::vector<std::string> header;
    const bool ok = readCsv(path, "name", &header, error, [&](const std::vector<std::string>* cells, std::int64_t line) {
        if (!cells) {
            issues->add("models CSV rows with the wrong number of fields", path, line);
            return;
        }
        ModelRelease m;
        m.name = cell(header, *cells, "name");
        if (m.name.empty() || !parseLogTime(cell(header, *cells, "released_at"), &m.releasedAt)) {
            issues->add("models CSV rows without a name or a readable released_at", path, line);
            return;
        }
        models->push_back(std::move(m));
    });
    if (ok && std::find(header.begin(), header.end(), "released_at") == header.end()) {
        *error = path + ": the header has no 'released_at' column";
        return false;
    }
    return ok;
}

} // namespace hs::logimport
