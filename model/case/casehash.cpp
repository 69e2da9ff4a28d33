// SPDX-License-Identifier: GPL-3.0-or-later
#include "casehash.h"

#include <QStringView>

#include <initializer_list>
#include <utility>

namespace hs {
namespace {

// The file stores no NULL text: a null QString reads back as "", so it must hash as "" too.
QString text(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }

// ---- Version 1: the JSON writer's output of November 2026, frozen. ----

// A JSON string: '"', '\\', U+0000-U+001F, U+007F, U+2028 and U+2029 escaped (\n \r \t short,
// the rest as \u with four lower-case hex digits), everything else as UTF-8.
QByteArray v1String(const QString& s)
{
    QByteArray out = "\"";
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        switch (u) {
        case u'"': out += "\\\""; continue;
        case u'\\': out += "\\\\"; continue;
        case u'\n': out += "\\n"; continue;
        case u'\r': out += "\\r"; continue;
        case u'\t': out += "\\t"; continue;
        default: break;
        }
        if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029) {
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            continue;
        }
        qsizetype end = i + 1; // a run of characters that need no escape, surrogate pairs kept whole
        while (end < s.size()) {
            const char16_t c = s.at(end).unicode();
            if (c < 0x20 || c == u'"' || c == u'\\' || c == 0x7f || c == 0x2028 || c == 0x2029)
                break;
            ++end;
        }
        out += QStringView(s).mid(i, end - i).toUtf8();
        i = end - 1;
    }
    return out + '"';
}

QByteArray v1Number(std::int64_t v) { return QByteArray::number(static_cast<qlonglong>(v)); }
QByteArray v1Bool(bool v) { return v ? "true" : "false"; }
QByteArray v1Optional(const std::optional<std::int64_t>& v) { return v ? v1Number(*v) : QByteArray("null"); }

// An array inside an object (its elements indented by four spaces), or "[]".
QByteArray v1InnerArray(const QList<QByteArray>& items)
{
    return items.isEmpty() ? QByteArray("[]") : "[\n    " + items.join(",\n    ") + "\n  ]";
}

QByteArray v1Object(std::initializer_list<std::pair<const char*, QByteArray>> members)
{
    QByteArray out = "{";
    bool first = true;
    for (const auto& [key, value] : members) {
        out += first ? "\n  \"" : ",\n  \"";
        out += key;
        out += "\": " + value;
        first = false;
    }
    return out + "\n}\n";
}

// ---- Version 2: tagged, length-prefixed, big-endian. ----

class Encoder
{
public:
    explicit Encoder(const char* domain)
    {
        m_out += "hydrascope-case 2 ";
        m_out += domain;
        m_out += '\0';
    }
    Encoder& integer(std::int64_t v)
    {
        m_out += 'i';
        raw(static_cast<std::uint64_t>(v));
        return *this;
    }
    Encoder& text(const QString& s)
    {
        const QByteArray utf8 = s.toUtf8();
        m_out += 't';
        raw(static_cast<std::uint64_t>(utf8.size()));
        m_out += utf8;
        return *this;
    }
    Encoder& optional(const std::optional<std::int64_t>& v) { return v ? integer(*v) : (m_out += 'n', *this); }
    Encoder& listHeader(std::size_t count)
    {
        m_out += 'l';
        raw(count);
        return *this;
    }
    QByteArray bytes() const { return m_out; }

private:
    void raw(std::uint64_t v)
    {
        for (int shift = 56; shift >= 0; shift -= 8)
            m_out += static_cast<char>((v >> shift) & 0xff);
    }
    QByteArray m_out;
};

} // namespace

QByteArray hashedBytes(const Annotation& a, int formatVersion)
{
    if (formatVersion <= kCaseFormatLegacyJson) {
        QList<QByteArray> tags;
        for (const QString& t : a.tags)
            tags << v1String(text(t));
        return v1Object({{"id", v1Number(a.id)},
                         {"kind", v1String(kindName(a.kind))},
                         {"title", v1String(text(a.title))},
                         {"note", v1String(text(a.note))},
                         {"tags", v1InnerArray(tags)},
                         {"severity", v1String(severityName(a.severity))},
                         {"author", v1String(text(a.author))},
                         {"created_at", v1Number(a.createdAt)},
                         {"edited_at", v1Number(a.editedAt)},
                         {"from", v1Number(a.from)},
                         {"to", v1Number(a.to)},
                         {"target", v1Number(a.target)},
                         {"internal", v1Bool(a.internal)}});
    }
    Encoder e("annotation");
    e.integer(a.id).text(kindName(a.kind)).text(a.title).text(a.note).listHeader(static_cast<std::size_t>(a.tags.size()));
    for (const QString& t : a.tags)
        e.text(t);
    e.text(severityName(a.severity)).text(a.author).integer(a.createdAt).integer(a.editedAt);
    e.integer(a.from).integer(a.to).integer(a.target).integer(a.internal ? 1 : 0);
    return e.bytes();
}

QByteArray hashedBytes(const SavedView& v, int formatVersion)
{
    if (formatVersion <= kCaseFormatLegacyJson) {
        QList<QByteArray> ids;
        for (std::int64_t id : v.campaignIds)
            ids << v1Number(id);
        return v1Object({{"id", v1Number(v.id)},
                         {"name", v1String(text(v.name))},
                         {"page", v1String(text(v.storedPage()))},
                         {"all_groups", v1Bool(v.allGroups)},
                         {"campaign_ids", v1InnerArray(ids)},
                         {"baseline", v1Bool(v.baseline)},
                         {"from", v1Optional(v.from)},
                         {"to", v1Optional(v.to)},
                         {"model_id", v1Optional(v.modelId)},
                         {"capability_id", v1Optional(v.capabilityId)},
                         {"created_at", v1Number(v.createdAt)}});
    }
    Encoder e("view");
    e.integer(v.id).text(v.name).text(v.storedPage()).integer(v.allGroups ? 1 : 0).listHeader(v.campaignIds.size());
    for (std::int64_t id : v.campaignIds)
        e.integer(id);
    e.integer(v.baseline ? 1 : 0).optional(v.from).optional(v.to).optional(v.modelId).optional(v.capabilityId);
    e.integer(v.createdAt);
    return e.bytes();
}

QByteArray hashedBytes(const CaseInfo& info, int formatVersion)
{
    if (formatVersion <= kCaseFormatLegacyJson)
        return v1Object({{"format_version", v1Number(info.formatVersion)},
                         {"created_at", v1Number(info.createdAt)},
                         {"reviewer", v1String(text(info.reviewer))},
                         {"title", v1String(text(info.title))},
                         {"evidence_name", v1String(text(info.evidenceName))},
                         {"evidence_size", v1Number(info.evidenceSize)},
                         {"evidence_sha256", v1String(text(info.evidenceSha256))}});
    Encoder e("case");
    e.integer(info.formatVersion).integer(info.createdAt).text(info.reviewer).text(info.title);
    e.text(info.evidenceName).integer(info.evidenceSize).text(info.evidenceSha256);
    return e.bytes();
}

QByteArray hashedBytes(const AuditEntry& a, int formatVersion)
{
    if (formatVersion <= kCaseFormatLegacyJson) {
        QList<QByteArray> items{v1Number(a.seq), v1Number(a.at)};
        for (const QString* s : {&a.actor, &a.action, &a.subject, &a.detail, &a.contentHash, &a.prevHash})
            items << v1String(text(*s));
        return "[\n  " + items.join(",\n  ") + "\n]\n";
    }
    Encoder e("audit");
    e.integer(a.seq).integer(a.at).text(a.actor).text(a.action).text(a.subject).text(a.detail);
    e.text(a.contentHash).text(a.prevHash);
    return e.bytes();
}

} // namespace hs
