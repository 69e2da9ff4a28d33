// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A case as JSON (`hydrascope case show --json`, and annotations.json / audit.json in exports)
// and as text for the terminal. Times are written as ISO-8601 UTC.

#include "casedata.h"

#include <QByteArray>
#include <QString>

namespace hs {

class JsonWriter;
struct CaseVerification;

void writeAnnotationsJson(JsonWriter& w, const std::vector<Annotation>& annotations);
void writeAuditJson(JsonWriter& w, const std::vector<AuditEntry>& audit);
void writeViewsJson(JsonWriter& w, const std::vector<SavedView>& views);
QByteArray caseToJson(const CaseSnapshot& s, const CaseVerification& verification);
QString caseToText(const CaseSnapshot& s, const CaseVerification& verification);

} // namespace hs
