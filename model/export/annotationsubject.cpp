// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationsubject.h"

#include "timeutil.h"

namespace hs {
namespace {

template<typename T>
const T* byId(const std::vector<T>& items, std::int64_t id)
{
    for (const T& item : items)
        if (item.id == id)
            return &item;
    return nullptr;
}

} // namespace

QString annotationSubjectText(const Investigation& inv, const Annotation& a, const Redactor& redactor)
{
    switch (a.kind) {
    case AnnotationKind::Range: return QStringLiteral("%1 to %2").arg(shortUtc(a.from), shortUtc(a.to));
    case AnnotationKind::Point: return QStringLiteral("at %1").arg(shortUtc(a.from));
    case AnnotationKind::Campaign:
        if (const CampaignInfo* c = byId(inv.campaigns, a.target))
            return QStringLiteral("campaign %1").arg(c->name);
        break;
    case AnnotationKind::Cluster:
        if (const ClusterInfo* c = byId(inv.clusters, a.target))
            return QStringLiteral("cluster %1").arg(c->name);
        break;
    case AnnotationKind::Account:
        if (const AccountInfo* x = byId(inv.accounts, a.target))
            return QStringLiteral("account %1").arg(redactor.account(x->externalRef));
        break;
    case AnnotationKind::Family:
        if (const TemplateInfo* t = byId(inv.templates, a.target))
            return QStringLiteral("prompt family %1").arg(t->fingerprint);
        break;
    }
    // Only when the evidence lacks it (a case kept with other evidence): the id is all there is.
    return QStringLiteral("%1 id %2, not in the evidence").arg(kindName(a.kind)).arg(a.target);
}

} // namespace hs
