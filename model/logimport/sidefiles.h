// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What gateways do not log, from the reviewer's own CSV files (with a header):
//   --accounts: account (required), created_at, country, access_path, payment_fingerprint,
//               email_domain, org_name, status, status_changed_at
//   --models:   name, released_at
// Times are ISO-8601 or Unix seconds. Unknown columns are ignored; a row without its account or
// model name, or with an unreadable time, is skipped and counted like a bad log line.

#include "readissues.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace hs::logimport {

struct AccountInfo
{
    std::optional<std::int64_t> createdAt;
    std::string country, accessPath, payment, emailDomain, orgName, status;
    std::optional<std::int64_t> statusChangedAt;
};

struct ModelRelease
{
    std::string name;
    std::int64_t releasedAt = 0;
};

bool readAccountsCsv(const std::string& path, std::unordered_map<std::string, AccountInfo>* accounts,
                     ReadIssues* issues, std::string* error);
bool readModelsCsv(const std::string& path, std::vector<ModelRelease>* models, ReadIssues* issues, std::string* error);

} // namespace hs::logimport
