// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The CSV files of a case bundle (bundle.h), spreadsheet-safe (csv.h), hidden values pseudonymised.

#include "analysis.h"
#include "casedata.h"

#include <QByteArray>

namespace hs {

class Redactor;

QByteArray campaignsCsv(const Investigation& inv, const Analysis& analysis);
QByteArray accountsCsv(const Investigation& inv, const Redactor& redactor);
QByteArray clustersCsv(const Investigation& inv);
QByteArray familiesCsv(const Investigation& inv, const Analysis& analysis, const Redactor& redactor);
// (1.1) flag_reasons.csv: details scrubbed and account refs pseudonymised under policy/external.
QByteArray flagReasonsCsv(const Investigation& inv, const Redactor& redactor);
// Notes already kept and scrubbed; the subject named as annotationsubject.h says.
QByteArray annotationsCsv(const Investigation& inv, const Redactor& r, const std::vector<Annotation>& notes);

} // namespace hs
