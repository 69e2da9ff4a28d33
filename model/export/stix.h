// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// indicators.stix.json: a STIX 2.1 bundle of the case. Mapping (docs/exports.md):
//   identity      the reviewer's organisation (created_by_ref of everything else)
//   campaign      each flagged campaign, first_seen/last_seen from the figures
//   indicator     each indicator value shared by two or more accounts of a campaign
//   relationship  indicator "indicates" campaign
//   note          each key-evidence annotation, about its campaign (or every campaign)
// Ids are UUIDv5 from the evidence hash and the evidence id: the same export gives the same ids.

#include "bundle.h"

namespace hs {

QByteArray stixBundle(const Investigation& inv, const Analysis& analysis, const std::vector<Annotation>& notes,
                      const Redactor& redactor, const BundleOptions& options);

// The STIX pattern for one indicator value; hidden values become a pseudonym object.
QString stixPattern(const QString& kind, const QString& value, bool pseudonym);

} // namespace hs
