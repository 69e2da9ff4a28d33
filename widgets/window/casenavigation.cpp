// SPDX-License-Identifier: GPL-3.0-or-later
#include "casenavigation.h"

#include "accountspage.h"
#include "displaytext.h"
#include "familiespage.h"
#include "findresults.h"
#include "tablepanel.h"
#include "viewtables.h"
#include "mainwindow.h"
#include "savedviews.h"
#include "selection.h"
#include "timeline.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStatusBar>

namespace hs {

// Double-click in the Annotations panel: the selection and page that show the annotated thing.
void jumpTo(MainWindow& window, const Annotation& a)
{
    const std::shared_ptr<const Investigation> inv = window.investigation();
    if (!inv)
        return;
    const std::int64_t pad = std::max<std::int64_t>(3600, (a.to - a.from) / 4);
    switch (a.kind) {
    case AnnotationKind::Range:
        window.selection()->setRange(TimeRange{binStart(a.from, Bin::Hour), binStart(a.to + 3599, Bin::Hour)}); // whole hours, outwards
        window.zoomTimeline(a.from - pad, a.to + pad);
        return window.showPage(PageId::Timeline);
    case AnnotationKind::Point:
        window.zoomTimeline(a.from - 86400, a.from + 86400);
        return window.showPage(PageId::Timeline);
    case AnnotationKind::Campaign:
        if (const std::uint32_t g = inv->campaignIndex(a.target); g != kNoIndex) {
            std::vector<bool> groups(inv->groupCount(), false);
            groups[g] = true;
            window.selection()->setGroups(groups);
        }
        return window.showPage(PageId::Overview);
    case AnnotationKind::Cluster:
        window.accountsPage()->showCluster(a.target);
        return window.showPage(PageId::Accounts);
    case AnnotationKind::Account:
        window.accountsPage()->showAccount(a.target);
        return window.showPage(PageId::Accounts);
    case AnnotationKind::Family:
        window.familiesPage()->showFamily(a.target);
        return window.showPage(PageId::Families);
    }
}

void showAccountOnTimeline(MainWindow& window, std::uint32_t account)
{
    const std::shared_ptr<const Investigation> inv = window.investigation();
    if (!inv || account >= inv->accounts.size() || inv->accounts[account].group == kNoIndex)
        return;
    // One step of history: its group alone and the account, the range and other filters kept.
    Selection s = window.selection()->current();
    s.groups.assign(inv->groupCount(), false);
    s.groups[inv->accounts[account].group] = true;
    s.account = account;
    const AccountTotals& t = inv->aggregates.accounts[account];
    if (s.range && !(t.first < s.range->to && t.last >= s.range->from))
        s.range.reset(); // a range without its traffic would show nothing: its whole activity
    window.selection()->set(s);
    if (t.exchanges > 0)
        window.zoomTimeline(t.first - 3600, t.last + 3600);
    window.showPage(PageId::Timeline);
    window.statusBar()->showMessage(QCoreApplication::translate("MainWindow", "Every view: only account %1 (%2 exchanges); zoomed to its activity")
                                        .arg(shownEvidence(inv->accounts[account].externalRef, 40), QLocale().toString(qulonglong(t.exchanges))),
                                    8000);
}

void showFindHit(MainWindow& window, const FindHit& hit)
{
    const std::shared_ptr<const Investigation> inv = window.investigation();
    if (!inv)
        return;
    // What is found is shown even when the selection had left its group out.
    auto include = [&](std::uint32_t group) {
        if (group == kNoIndex || window.selection()->current().hasGroup(group))
            return;
        std::vector<bool> groups = window.selection()->current().groups;
        groups.resize(inv->groupCount(), groups.empty());
        groups[group] = true;
        window.selection()->setGroups(groups);
    };
    switch (hit.kind) {
    case FindHit::Campaign: {
        std::vector<bool> groups(inv->groupCount(), false);
        groups[hit.index] = true;
        window.selection()->setGroups(groups);
        return window.showPage(PageId::Overview);
    }
    case FindHit::Account:
        include(inv->accounts[hit.index].group);
        window.accountsPage()->showAccount(inv->accounts[hit.index].id);
        return window.showPage(PageId::Accounts);
    case FindHit::Indicator:
        include(inv->accounts[hit.index].group);
        if (hit.kindName == QLatin1String("payment_fingerprint"))
            window.accountsPage()->accounts()->setFilterText(hit.value);
        else
            window.accountsPage()->showIndicator(indicatorText(hit.kindName, hit.value));
        return window.showPage(PageId::Accounts);
    case FindHit::Family:
        window.familiesPage()->showFamily(inv->templates[hit.index].id);
        return window.showPage(PageId::Families);
    }
}

void applySavedView(MainWindow& window, const SavedView& view)
{
    const std::shared_ptr<const Investigation> inv = window.investigation();
    if (!inv)
        return;
    QStringList warnings;
    window.selection()->set(selectionFromSavedView(*inv, view, &warnings));
    window.showPage(view.page);
    if (view.from && view.to)
        window.zoomTimeline(*view.from, *view.to);
    if (!view.unknownPage.isEmpty())
        warnings << QCoreApplication::translate("MainWindow", "page \"%1\" is not in this version").arg(view.unknownPage);
    if (!warnings.isEmpty())
        window.statusBar()->showMessage(QCoreApplication::translate("MainWindow", "Saved view \"%1\": %2").arg(view.name, warnings.join(QStringLiteral("; "))), 8000);
}

} // namespace hs
