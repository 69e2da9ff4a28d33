// SPDX-License-Identifier: GPL-3.0-or-later
// The pivot a headline names is the strongest one (largest 24-hour share), wherever it stands in
// the campaign order; release figures that are not pivots never count.
#include "analysis.h"

#include <QTest>

using namespace hs;

class TstStrongestPivot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksLargestShare_data();
    void picksLargestShare();
};

namespace {

using Releases = QList<QPair<double, bool>>; // per release: (24-hour share, is a pivot)
using Campaigns = QList<Releases>;

PivotFigure pivot(std::uint32_t model, double share, bool isPivot)
{
    PivotFigure p;
    p.model = model;
    p.share24h = share;
    p.pivot = isPivot;
    return p;
}

} // namespace

void TstStrongestPivot::picksLargestShare_data()
{
    // Expected campaign and model, -1 for none.
    QTest::addColumn<Campaigns>("campaigns");
    QTest::addColumn<int>("campaign");
    QTest::addColumn<int>("model");
    QTest::addRow("none") << Campaigns{{{0.9, false}}, {}} << -1 << -1;
    QTest::addRow("weak first, strong later") << Campaigns{{{0.11, true}}, {{0.05, false}, {0.48, true}}} << 1 << 1;
    QTest::addRow("a larger share that is no pivot") << Campaigns{{{0.30, true}}, {{0.95, false}}} << 0 << 0;
    QTest::addRow("strongest first") << Campaigns{{{0.7, true}, {0.2, true}}, {{0.6, true}}} << 0 << 0;
}

void TstStrongestPivot::picksLargestShare()
{
    QFETCH(Campaigns, campaigns);
    QFETCH(int, campaign);
    QFETCH(int, model);
    Analysis a;
    for (qsizetype c = 0; c < campaigns.size(); ++c) {
        GroupFigures g;
        g.group = std::uint32_t(c);
        for (qsizetype m = 0; m < campaigns[c].size(); ++m)
            g.pivots.push_back(pivot(std::uint32_t(m), campaigns[c][m].first, campaigns[c][m].second));
        a.campaigns.push_back(g);
    }
    const std::optional<StrongestPivot> best = strongestPivot(a);
    if (campaign < 0) {
        QVERIFY(!best);
        return;
    }
    QVERIFY(best);
    QCOMPARE(int(best->group->group), campaign);
    QCOMPARE(int(best->pivot->model), model);
}

QTEST_GUILESS_MAIN(TstStrongestPivot)
#include "tst_strongestpivot.moc"
