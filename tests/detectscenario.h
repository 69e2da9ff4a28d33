// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Detection scenarios for tst_detect and bench_detect: synthetic logs (`generate --as jsonl`)
// plus the hard negatives a detector must leave alone, written as more log rows and accounts:
//   neg-ci-*     one account of a company sending the same CI prompt 20,000 times a day (three
//                days), beside five colleagues on the company's payment method;
//   neg-ent-*    an enterprise: 300 keys on one payment method and one e-mail domain, diverse
//                unsynchronised prompts (a fifth from ten shared company templates);
//   neg-class-*  a university class: 60 accounts behind one NAT address and one e-mail domain,
//                active in the same two hours every week, different (mostly coding) prompts;
//   neg-move-*   100 organic accounts of one reseller (one payment method) moving to the newly
//                released model at the organic pace (weeks, not hours).
// And the accuracy of a detection against ground-truth.csv: account-level precision and recall,
// the adjusted Rand index of the campaigns, and the share of each negative group flagged.

#include <QString>

#include <cstdint>
#include <map>
#include <string>

namespace hs::testing {

bool appendHardNegatives(const QString& dir, std::uint64_t seed, QString* error);

struct Accuracy
{
    std::int64_t positives = 0, flagged = 0, truePositives = 0;
    double precision = 0, recall = 0, ari = 0;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> negatives; // prefix -> (flagged, accounts)
    QString error;
};

Accuracy measureAccuracy(const QString& detectedDb, const QString& groundTruthCsv);

double adjustedRandIndex(const std::map<std::string, std::pair<std::string, std::string>>& labels); // account -> (truth, found)

} // namespace hs::testing
