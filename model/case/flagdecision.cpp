// SPDX-License-Identifier: GPL-3.0-or-later
#include "flagdecision.h"

#include <QLocale>

namespace hs {

Annotation flagDecisionAnnotation(const Investigation& inv, std::uint32_t campaign, std::uint32_t account,
                                  FlagDecision decision, const std::vector<std::uint32_t>& reasons)
{
    const bool confirmed = decision == FlagDecision::Confirmed;
    Annotation a;
    if (account != kNoIndex && account < inv.accounts.size()) {
        a.kind = AnnotationKind::Account;
        a.target = inv.accounts[account].id;
        a.title = (confirmed ? QStringLiteral("Flag confirmed: account %1") : QStringLiteral("Flag rejected: account %1"))
                      .arg(inv.accounts[account].externalRef);
    } else {
        a.kind = AnnotationKind::Campaign;
        a.target = campaign < inv.campaigns.size() ? inv.campaigns[campaign].id : 0;
        a.title = (confirmed ? QStringLiteral("Flag confirmed: campaign %1") : QStringLiteral("Flag rejected: campaign %1"))
                      .arg(campaign < inv.campaigns.size() ? inv.campaigns[campaign].name : QString());
    }
    a.severity = confirmed ? AnnotationSeverity::Notable : AnnotationSeverity::Info;
    a.tags = {confirmed ? QStringLiteral("flag-confirmed") : QStringLiteral("flag-rejected")};
    QStringList lines;
    lines << (confirmed ? QStringLiteral("The reviewer confirmed the flag, on %1:")
                        : QStringLiteral("The reviewer rejected the flag, against %1:"))
                 .arg(reasons.size() == 1 ? QStringLiteral("this reason") : QStringLiteral("these %1 reasons").arg(reasons.size()));
    for (const std::uint32_t i : reasons) {
        if (i >= inv.flagReasons.size())
            continue;
        const FlagReason& r = inv.flagReasons[i];
        QString line = QStringLiteral("- %1 (flag_reasons row %2, score %3)")
                           .arg(r.signal).arg(r.id)
                           .arg(r.score ? QLocale::c().toString(*r.score, 'f', 2) : QStringLiteral("none"));
        if (!r.detail.isEmpty())
            line += QStringLiteral(": ") + r.detail;
        lines << line;
    }
    a.note = lines.join(QLatin1Char('\n'));
    return a;
}

} // namespace hs
