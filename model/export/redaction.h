// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Redaction profiles for everything that leaves Hydrascope (report, bundle, STIX):
//   internal  nothing hidden;
//   policy    account refs, payment fingerprints, indicator values and prompt samples replaced by
//             stable pseudonyms (ACCT-0042, PAY-0003, IND-0007, SAMPLE-0012);
//   external  like policy, and annotations marked internal left out.
// With a case, pseudonyms come from CaseFile::pseudonyms() and the mapping stays in the case file.
// Without one they are numbered in evidence order, in memory only, and the export says that
// the mapping was not kept.

#include "casedata.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace hs {

class CaseBackend;
struct Investigation;

enum class RedactionProfile { Internal, Policy, External };

QString profileName(RedactionProfile p); // "internal", "policy", "external"
bool parseProfile(const QString& text, RedactionProfile* p);

class Redactor
{
public:
    explicit Redactor(RedactionProfile profile = RedactionProfile::Internal) : m_profile(profile) {}

    // Pseudonymises every hidden value of the evidence at once; `caseFile` may be null.
    bool prepare(const Investigation& inv, CaseBackend* caseFile, QString* error);

    RedactionProfile profile() const { return m_profile; }
    bool hides() const { return m_profile != RedactionProfile::Internal; }
    bool mappingKept() const { return m_mappingKept; }
    // One sentence for the report and the manifest: which profile, what it hid, where the mapping is.
    QString statement() const;

    QString account(const QString& ref) const { return lookup(m_accounts, ref); }
    QString payment(const QString& fingerprint) const { return lookup(m_payments, fingerprint); }
    QString indicator(const QString& value) const { return lookup(m_indicators, value); }
    QString sample(const QString& text) const { return lookup(m_samples, text); }
    // Reviewer-written text (titles, notes, audit details) with every hidden value replaced.
    QString scrub(const QString& text) const;
    bool keeps(const Annotation& a) const { return m_profile != RedactionProfile::External || !a.internal; }
    std::vector<Annotation> annotations(const std::vector<Annotation>& all) const; // kept and scrubbed
    // The audit log scrubbed; with "external", entries about internal annotations lose their detail
    // (their titles would tell what the left-out notes are about). Hashes are kept as recorded.
    std::vector<AuditEntry> audit(const std::vector<AuditEntry>& log, const std::vector<Annotation>& all) const;

private:
    QString lookup(const QHash<QString, QString>& map, const QString& value) const;
    RedactionProfile m_profile;
    bool m_mappingKept = false;
    QHash<QString, QString> m_accounts, m_payments, m_indicators, m_samples;
    std::vector<std::pair<QString, QString>> m_byLength; // every hidden value, longest first
};

} // namespace hs
