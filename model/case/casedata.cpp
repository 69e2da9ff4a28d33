// SPDX-License-Identifier: GPL-3.0-or-later
#include "casedata.h"

namespace hs {
namespace {
const char* const kKindNames[kAnnotationKinds] = {"range", "point", "campaign", "cluster", "account", "family"};
const char* const kSeverityNames[kSeverities] = {"info", "notable", "key-evidence"};
} // namespace

QString kindName(AnnotationKind kind) { return QString::fromLatin1(kKindNames[static_cast<int>(kind)]); }
QString severityName(AnnotationSeverity s) { return QString::fromLatin1(kSeverityNames[static_cast<int>(s)]); }

QString severityLabel(AnnotationSeverity s)
{
    switch (s) {
    case AnnotationSeverity::Info: return QStringLiteral("Info");
    case AnnotationSeverity::Notable: return QStringLiteral("Notable");
    case AnnotationSeverity::KeyEvidence: return QStringLiteral("Key evidence");
    }
    return {};
}

bool parseKind(const QString& text, AnnotationKind* kind)
{
    for (int i = 0; i < kAnnotationKinds; ++i)
        if (text == QLatin1String(kKindNames[i])) {
            *kind = static_cast<AnnotationKind>(i);
            return true;
        }
    return false;
}

bool parseSeverity(const QString& text, AnnotationSeverity* severity)
{
    for (int i = 0; i < kSeverities; ++i)
        if (text == QLatin1String(kSeverityNames[i])) {
            *severity = static_cast<AnnotationSeverity>(i);
            return true;
        }
    if (text == QLatin1String("key") || text == QLatin1String("key_evidence")) {
        *severity = AnnotationSeverity::KeyEvidence;
        return true;
    }
    return false;
}

bool isTimeKind(AnnotationKind kind) { return kind == AnnotationKind::Range || kind == AnnotationKind::Point; }

void SavedView::setStoredPage(const QString& key)
{
    const std::optional<PageId> known = pageFromKey(key);
    page = known.value_or(PageId::Overview);
    unknownPage = known ? QString() : key;
}

} // namespace hs
