// SPDX-License-Identifier: GPL-3.0-or-later
#include "casenavigation.h"

#include "accountspage.h"
#include "familiespage.h"
#include "mainwindow.h"
#include "savedviews.h"
#include "selection.h"
#include "timeline.h"

#include <QCoreApplication>
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
