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
QByteArray annotationsCsv(const std::vector<Annotation>& notes); // already kept and scrubbed

} // namespace hs
