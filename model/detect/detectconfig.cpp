// SPDX-License-Identifier: GPL-3.0-or-later
#include "detectconfig.h"

#include <cpptoml.h>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <variant>
#include <vector>

namespace hs::detect {

namespace {

struct Key
{
    const char* section;
    const char* name;
    std::variant<int DetectConfig::*, double DetectConfig::*> field;
    double low, high; // inclusive range
};

const std::vector<Key>& keys()
{
    static const std::vector<Key> k = {
        {"near_duplicate", "family_min_accounts", &DetectConfig::familyMinAccounts, 2, 1e6},
        {"near_duplicate", "group_share", &DetectConfig::groupNearDupShare, 0, 1},
        {"near_duplicate", "account_group_family_share", &DetectConfig::accountGroupFamilyShare, 0, 1},
        {"capability", "min_jsd", &DetectConfig::minJsd, 0, 1},
        {"timing", "window_hours", &DetectConfig::windowHours, 1.0 / 60, 24 * 31},
        {"timing", "min_shared", &DetectConfig::minShared, 1, 1e6},
        {"timing", "min_jaccard", &DetectConfig::minJaccard, 0, 1},
        {"timing", "all_pairs_bucket", &DetectConfig::allPairsBucket, 2, 1000},
        {"timing", "ring_neighbours", &DetectConfig::ringNeighbours, 1, 100},
        {"timing", "candidates_per_account", &DetectConfig::candidatesPerAccount, 1, 1000},
        {"timing", "group_share", &DetectConfig::groupTimingShare, 0, 1},
        {"infrastructure", "max_accounts_payment", &DetectConfig::maxAccountsPayment, 0, 1e7},
        {"infrastructure", "max_accounts_ip", &DetectConfig::maxAccountsIp, 0, 1e7},
        {"infrastructure", "max_accounts_ip_prefix", &DetectConfig::maxAccountsIpPrefix, 0, 1e7},
        {"infrastructure", "max_accounts_user_agent", &DetectConfig::maxAccountsUserAgent, 0, 1e7},
        {"infrastructure", "max_accounts_email_domain", &DetectConfig::maxAccountsEmailDomain, 0, 1e7},
        {"infrastructure", "max_accounts_org_name", &DetectConfig::maxAccountsOrgName, 0, 1e7},
        {"infrastructure", "group_share", &DetectConfig::groupInfraShare, 0, 1},
        {"pivot", "threshold", &DetectConfig::pivotThreshold, 0, 1},
        {"pivot", "min_excess", &DetectConfig::pivotMinExcess, 0, 1},
        {"cot", "min_share", &DetectConfig::cotMinShare, 0, 1},
        {"cot", "min_ratio", &DetectConfig::cotMinRatio, 0, 1e6},
        {"volume", "min_ratio", &DetectConfig::volumeMinRatio, 0, 1e6},
        {"grouping", "min_accounts", &DetectConfig::minGroupAccounts, 2, 1e7},
        {"grouping", "min_signals", &DetectConfig::minSignals, 1, 7},
    };
    return k;
}

std::string number(double v)
{
    std::ostringstream out;
    out << std::setprecision(15) << v;
    return out.str();
}

const Key* findKey(const std::string& section, const std::string& name)
{
    for (const Key& k : keys())
        if (section == k.section && name == k.name)
            return &k;
    return nullptr;
}

bool knownSection(const std::string& section)
{
    for (const Key& k : keys())
        if (section == k.section)
            return true;
    return false;
}

bool setValue(const Key& key, const std::shared_ptr<cpptoml::base>& value, const std::string& where, DetectConfig* config,
              std::string* error)
{
    double v = 0;
    bool integral = false;
    if (const auto i = value->as<std::int64_t>()) {
        v = double(i->get());
        integral = true;
    } else if (const auto d = value->as<double>()) {
        v = d->get();
        integral = std::floor(v) == v;
    } else {
        *error = where + ": must be a number";
        return false;
    }
    const bool wantsInt = std::holds_alternative<int DetectConfig::*>(key.field);
    if (!std::isfinite(v) || v < key.low || v > key.high || (wantsInt && !integral)) {
        *error = where + ": must be " + (wantsInt ? "a whole number" : "a number") + " from " + number(key.low) + " to " +
                 number(key.high) + ", not " + number(v);
        return false;
    }
    if (wantsInt)
        config->*std::get<int DetectConfig::*>(key.field) = int(v);
    else
        config->*std::get<double DetectConfig::*>(key.field) = v;
    return true;
}

} // namespace

bool parseDetectConfig(const std::string& text, const std::string& name, DetectConfig* config, std::string* error)
{
    std::shared_ptr<cpptoml::table> table;
    try {
        std::istringstream in(text);
        cpptoml::parser parser(in);
        table = parser.parse();
    } catch (const std::exception& e) {
        *error = name + ": " + e.what();
        return false;
    }
    DetectConfig result = *config;
    for (const auto& [section, sectionValue] : *table) {
        if (!knownSection(section)) {
            *error = name + ": unknown section [" + section + "] (see docs/detection.md)";
            return false;
        }
        const auto inner = sectionValue->as_table();
        if (!inner) {
            *error = name + ": " + section + " must be a section ([" + section + "])";
            return false;
        }
        for (const auto& [key, value] : *inner) {
            const Key* k = findKey(section, key);
            const std::string where = name + ": [" + section + "] " + key;
            if (!k) {
                *error = where + ": unknown key (see docs/detection.md)";
                return false;
            }
            if (!setValue(*k, value, where, &result, error))
                return false;
        }
    }
    *config = result;
    return true;
}

bool loadDetectConfig(const std::string& path, DetectConfig* config, std::string* error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = path + ": cannot open the detection configuration";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > (1 << 20)) {
        *error = path + ": over 1 MB; not a detection configuration";
        return false;
    }
    return parseDetectConfig(text.str(), path, config, error);
}

std::string detectConfigToml(const DetectConfig& config)
{
    std::string out, section;
    for (const Key& k : keys()) {
        if (section != k.section) {
            section = k.section;
            out += (out.empty() ? "[" : "\n[") + section + "]\n";
        }
        const double v = std::holds_alternative<int DetectConfig::*>(k.field) ? double(config.*std::get<int DetectConfig::*>(k.field))
                                                                            : config.*std::get<double DetectConfig::*>(k.field);
        out += std::string(k.name) + " = " + number(v) + "\n";
    }
    return out;
}

} // namespace hs::detect
