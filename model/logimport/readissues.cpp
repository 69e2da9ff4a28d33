// SPDX-License-Identifier: GPL-3.0-or-later
#include "readissues.h"

namespace hs::logimport {

void ReadIssues::add(const std::string& kind, const std::string& file, std::int64_t line, const std::string& detail)
{
    IssueKind& k = m_kinds[kind];
    if (k.count++ == 0) {
        k.firstFile = file;
        k.firstLine = line;
        k.firstDetail = detail.substr(0, 200);
    }
}

void ReadIssues::merge(const ReadIssues& other)
{
    for (const auto& [kind, k] : other.m_kinds) {
        IssueKind& mine = m_kinds[kind];
        if (mine.count == 0) {
            mine = k;
        } else {
            mine.count += k.count;
        }
    }
}

std::int64_t ReadIssues::total() const
{
    std::int64_t n = 0;
    for (const auto& [kind, k] : m_kinds)
        n += k.count;
    return n;
}

} // namespace hs::logimport
