// SPDX-License-Identifier: GPL-3.0-or-later
#include "stix.h"

#include "infrastructure.h"
#include "jsonwriter.h"
#include "redaction.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

namespace hs {
namespace {

// Hydrascope's own namespace for deterministic STIX ids.
const QUuid kNamespace(QStringLiteral("{6b1f3c2e-8a4d-5e7f-9b10-2c3d4e5f6a7b}"));

QString stixTime(std::int64_t t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

class Stix
{
public:
    Stix(const Investigation& inv, const BundleOptions& o) : m_inv(inv), m_now(stixTime(o.now)) {}
    QString id(const char* type, const QString& key) const
    {
        const QString name = m_inv.evidence.sha256 + QLatin1Char('/') + QString::fromLatin1(type) + QLatin1Char('/') + key;
        return QString::fromLatin1(type) + QStringLiteral("--") + QUuid::createUuidV5(kNamespace, name).toString(QUuid::WithoutBraces);
    }
    // The properties every SDO and SRO must carry.
    void begin(JsonWriter& w, const char* type, const QString& objectId, const QString& creator) const
    {
        w.beginObject();
        w.key("type").value(type);
        w.key("spec_version").value("2.1");
        w.key("id").value(objectId);
        if (!creator.isEmpty())
            w.key("created_by_ref").value(creator);
        w.key("created").value(m_now);
        w.key("modified").value(m_now);
    }
    QString now() const { return m_now; }

private:
    const Investigation& m_inv;
    QString m_now;
};

QString quoted(QString v)
{
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

void writeNotes(JsonWriter& w, const Stix& s, const Investigation& inv, const std::vector<Annotation>& notes,
                const QString& identity, const QStringList& campaignIds)
{
    for (const Annotation& n : notes) {
        if (n.severity != AnnotationSeverity::KeyEvidence)
            continue;
        QStringList refs = campaignIds;
        if (n.kind == AnnotationKind::Campaign && inv.campaignIndex(n.target) != kNoIndex)
            refs = {s.id("campaign", QString::number(n.target))};
        if (refs.isEmpty())
            refs = {identity};
        s.begin(w, "note", s.id("note", QString::number(n.id)), identity);
        w.key("abstract").value(n.title);
        w.key("content").value(n.note.isEmpty() ? n.title : n.note);
        w.key("authors").beginArray();
        w.value(n.author);
        w.endArray();
        w.key("object_refs").beginArray();
        for (const QString& r : refs)
            w.value(r);
        w.endArray();
        w.endObject();
    }
}

void writeIndicators(JsonWriter& w, const Stix& s, const Investigation& inv, const Redactor& r, const QString& identity)
{
    for (const IndicatorGroup& g : indicatorGroups(inv)) {
        if (g.campaigns.empty())
            continue;
        const QString shown = r.indicator(g.value);
        // Ids are name-based hashes: made from the shown value, or a hidden one could be confirmed
        // by hashing guesses.
        const QString key = g.kind + QLatin1Char('/') + shown;
        const QString indicatorId = s.id("indicator", key);
        s.begin(w, "indicator", indicatorId, identity);
        w.key("name").value(QStringLiteral("Shared %1 %2 (%3 accounts)").arg(g.kind, shown).arg(g.accounts.size()));
        w.key("indicator_types").beginArray();
        w.value("malicious-activity");
        w.endArray();
        w.key("pattern").value(stixPattern(g.kind, shown, r.hides()));
        w.key("pattern_type").value("stix");
        w.key("valid_from").value(s.now());
        w.endObject();
        for (std::uint32_t c : g.campaigns) {
            const QString campaignId = s.id("campaign", QString::number(inv.campaigns[c].id));
            s.begin(w, "relationship", s.id("relationship", key + QStringLiteral("/indicates/") + campaignId), identity);
            w.key("relationship_type").value("indicates");
            w.key("source_ref").value(indicatorId);
            w.key("target_ref").value(campaignId);
            w.endObject();
        }
    }
}

} // namespace

QString stixPattern(const QString& kind, const QString& value, bool pseudonym)
{
    if (pseudonym)
        return QStringLiteral("[x-hydrascope-pseudonym:value = %1]").arg(quoted(value));
    static const QRegularExpression asn(QStringLiteral("^(?:AS)?(\\d+)$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = asn.match(value);
    if (kind == QLatin1String("asn") && m.hasMatch())
        return QStringLiteral("[autonomous-system:number = %1]").arg(m.captured(1));
    if (kind == QLatin1String("ip"))
        return QStringLiteral("[%1:value = %2]")
            .arg(value.contains(QLatin1Char(':')) ? QStringLiteral("ipv6-addr") : QStringLiteral("ipv4-addr"), quoted(value));
    if (kind == QLatin1String("domain"))
        return QStringLiteral("[domain-name:value = %1]").arg(quoted(value));
    if (kind == QLatin1String("email"))
        return QStringLiteral("[email-addr:value = %1]").arg(quoted(value));
    // Payment fingerprints and other kinds have no STIX object: a custom one, named for Hydrascope.
    return QStringLiteral("[x-hydrascope-indicator:value = %1 AND x-hydrascope-indicator:kind = %2]").arg(quoted(value), quoted(kind));
}

QByteArray stixBundle(const Investigation& inv, const Analysis& analysis, const std::vector<Annotation>& notes,
                      const Redactor& redactor, const BundleOptions& options)
{
    const Stix s(inv, options);
    const QString identity = s.id("identity", options.organisation);
    JsonWriter w;
    w.beginObject();
    w.key("type").value("bundle");
    w.key("id").value(s.id("bundle", QString::number(options.now)));
    w.key("objects").beginArray();
    s.begin(w, "identity", identity, QString());
    w.key("name").value(options.organisation);
    w.key("identity_class").value("organization");
    w.endObject();
    QStringList campaignIds;
    for (const GroupFigures& g : analysis.campaigns) {
        const CampaignInfo& c = inv.campaigns[g.group];
        campaignIds << s.id("campaign", QString::number(c.id));
        s.begin(w, "campaign", campaignIds.back(), identity);
        w.key("name").value(c.name);
        if (!c.summary.isEmpty())
            w.key("description").value(c.summary);
        if (g.firstSeen)
            w.key("first_seen").value(stixTime(*g.firstSeen));
        if (g.lastSeen)
            w.key("last_seen").value(stixTime(*g.lastSeen));
        w.endObject();
    }
    writeIndicators(w, s, inv, redactor, identity);
    writeNotes(w, s, inv, notes, identity, campaignIds);
    w.endArray();
    w.endObject();
    return w.result();
}

} // namespace hs
