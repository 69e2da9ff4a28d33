// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Records skipped while reading, counted by kind, each kind with the first one named by file and
// line, so that a reviewer can look at it: "412 lines not valid JSON (first: a.jsonl line 7)".

#include <cstdint>
#include <map>
#include <string>

namespace hs::logimport {

struct IssueKind
{
    std::int64_t count = 0;
    std::string firstFile;
    std::int64_t firstLine = 0;
    std::string firstDetail;
};

class ReadIssues
{
public:
    void add(const std::string& kind, const std::string& file, std::int64_t line, const std::string& detail = {});
    void merge(const ReadIssues& other);
    const std::map<std::string, IssueKind>& kinds() const { return m_kinds; }
    std::int64_t total() const;
    bool empty() const { return m_kinds.empty(); }

private:
    std::map<std::string, IssueKind> m_kinds;
};

} // namespace hs::logimport
