// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an annotation is about, named as the rest of an export names it: the campaign's or
// cluster's name, the account's reference (its pseudonym under the policy and external profiles),
// the prompt family's fingerprint, or the time. Never "campaign id 2" or "account id 1288" while
// the evidence has the thing: the report's annotation list and the bundle's annotations.csv.

#include "casedata.h"
#include "investigation.h"
#include "redaction.h"

#include <QString>

namespace hs {

QString annotationSubjectText(const Investigation& inv, const Annotation& a, const Redactor& redactor);

} // namespace hs
