// SPDX-License-Identifier: GPL-3.0-or-later
#include "redaction.h"

#include <QSet>

#include "casefile.h"
#include "casestore.h"
#include "investigation.h"

#include <algorithm>

namespace hs {

namespace {
const char* const kProfileNames[] = {"internal", "policy", "external"};
} // namespace

QString profileName(RedactionProfile p) { return QString::fromLatin1(kProfileNames[static_cast<int>(p)]); }

bool parseProfile(const QString& text, RedactionProfile* p)
{
    for (RedactionProfile candidate : {RedactionProfile::Internal, RedactionProfile::Policy, RedactionProfile::External})
        if (text == profileName(candidate)) {
            *p = candidate;
            return true;
        }
    return false;
}

namespace {

// Distinct non-empty values in evidence order: the order in-memory pseudonyms are numbered in.
void addValue(QStringList* list, QHash<QString, QString>* seen, const QString& v)
{
    if (!v.isEmpty() && !seen->contains(v)) {
        seen->insert(v, QString());
        list->append(v);
    }
}

bool pseudonymise(const QString& kind, const QStringList& values, CaseBackend* caseFile, QHash<QString, QString>* out,
                  QString* error)
{
    if (!caseFile) {
        for (qsizetype i = 0; i < values.size(); ++i)
            out->insert(values.at(i), pseudonymName(kind, i + 1));
        return true;
    }
    std::optional<QHash<QString, QString>> map = caseFile->pseudonyms(kind, values);
    if (!map) {
        *error = caseFile->lastError();
        return false;
    }
    *out = std::move(*map);
    return true;
}

} // namespace

bool Redactor::prepare(const Investigation& inv, CaseBackend* caseFile, QString* error)
{
    if (!hides())
        return true;
    QStringList accounts, payments, indicators, samples;
    QHash<QString, QString> seenA, seenP, seenI, seenS;
    for (const AccountInfo& a : inv.accounts) {
        addValue(&accounts, &seenA, a.externalRef);
        addValue(&payments, &seenP, a.paymentFingerprint);
    }
    for (const IndicatorInfo& i : inv.indicators)
        addValue(&indicators, &seenI, i.value);
    for (const TemplateInfo& t : inv.templates)
        addValue(&samples, &seenS, t.sample);
    if (!pseudonymise(QStringLiteral("account"), accounts, caseFile, &m_accounts, error)
        || !pseudonymise(QStringLiteral("payment"), payments, caseFile, &m_payments, error)
        || !pseudonymise(QStringLiteral("indicator"), indicators, caseFile, &m_indicators, error)
        || !pseudonymise(QStringLiteral("sample"), samples, caseFile, &m_samples, error))
        return false;
    m_mappingKept = caseFile != nullptr;
    for (const QHash<QString, QString>* map : {&m_samples, &m_indicators, &m_payments, &m_accounts})
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            m_byLength.emplace_back(it.key(), it.value());
    std::stable_sort(m_byLength.begin(), m_byLength.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return true;
}

QString Redactor::lookup(const QHash<QString, QString>& map, const QString& value) const
{
    if (!hides() || value.isEmpty())
        return value;
    // A value missing from the map was not in the evidence when prepared: hide it all the same.
    return map.value(value, QStringLiteral("REDACTED"));
}

QString Redactor::scrub(const QString& text) const
{
    if (!hides() || text.isEmpty())
        return text;
    QString out = text;
    // Longest first, so a value that contains another is replaced whole.
    for (const auto& [value, pseudonym] : m_byLength)
        if (out.contains(value))
            out.replace(value, pseudonym);
    return out;
}

std::vector<Annotation> Redactor::annotations(const std::vector<Annotation>& all) const
{
    std::vector<Annotation> out;
    for (Annotation a : all) {
        if (!keeps(a))
            continue;
        a.title = scrub(a.title);
        a.note = scrub(a.note);
        for (QString& tag : a.tags)
            tag = scrub(tag);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<AuditEntry> Redactor::audit(const std::vector<AuditEntry>& log, const std::vector<Annotation>& all) const
{
    // With "external", only annotations kept now keep their audit details: an internal one, or one
    // deleted since (it may have been internal: the log does not say), is left out.
    QSet<QString> kept;
    for (const Annotation& a : all)
        if (keeps(a))
            kept.insert(QStringLiteral("annotation:%1").arg(a.id));
    std::vector<AuditEntry> out = log;
    for (AuditEntry& e : out) {
        e.actor = scrub(e.actor);
        const bool leftOut = m_profile == RedactionProfile::External && e.subject.startsWith(QLatin1String("annotation:"))
                             && !kept.contains(e.subject);
        e.detail = leftOut ? QStringLiteral("(an internal or deleted annotation: left out)") : scrub(e.detail);
    }
    return out;
}

QString Redactor::statement() const
{
    switch (m_profile) {
    case RedactionProfile::Internal:
        return QStringLiteral("Redaction profile: internal. Nothing is hidden; for internal use only.");
    case RedactionProfile::Policy:
    case RedactionProfile::External:
        break;
    }
    QString s = QStringLiteral("Redaction profile: %1. Account references, payment fingerprints, indicator values "
                               "and prompt samples are replaced by pseudonyms")
                    .arg(profileName(m_profile));
    s += m_profile == RedactionProfile::External ? QStringLiteral("; annotations marked internal are left out.")
                                                 : QStringLiteral(".");
    s += m_mappingKept ? QStringLiteral(" The mapping is kept only in the case file.")
                       : QStringLiteral(" No case file was given: the mapping was not kept anywhere.");
    return s;
}

} // namespace hs
