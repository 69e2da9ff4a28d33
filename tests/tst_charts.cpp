// SPDX-License-Identifier: GPL-3.0-or-later
// Charts that do not mislead (issue 12): the timeline's log scale, axis numbers, partial bins,
// release labels and Reset zoom; the capability chart's tooltips, highlight and labels; the
// report's timeline with the baseline on a panel of its own. Counts are checked against SQL.
#include "analysis.h"
#include "capabilitiespage.h"
#include "countticker.h"
#include "fixturedb.h"
#include "generatorstory.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "pageset.h"
#include "qcustomplotshim.h"
#include "redaction.h"
#include "reportcharts.h"
#include "reportcontent.h"
#include "selection.h"
#include "timelinepage.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QPercentBarSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace hs;

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void logScaleDrawsLines();
    void axisNumbersInOneStyle_data();
    void axisNumbersInOneStyle();
    void partialBinsAreMarked();
    void releaseLabelsNeverCut_data();
    void releaseLabelsNeverCut();
    void resetZoomReturnsToOpeningBin();
    void baselineOnlyWhenSelected();
    void capabilityTooltipsAreExact();
    void filteringCapabilityIsHighlighted();
    void capabilityLabelsNotCut_data();
    void capabilityLabelsNotCut();
    void reportBaselineHasItsOwnPanel();
    void reportPivotsOnlyOnTheirCampaign();

private:
    bool open(MainWindow& w);
    QCheckBox* checkBox(QWidget* page, const QString& text) const;
    QTemporaryDir m_dir;
    QString m_path;
};

bool TestCharts::open(MainWindow& w)
{
    QSignalSpy finished(w.loadJob(), &LoadJob::finished);
    w.openFile(m_path);
    return finished.wait(60000);
}

QCheckBox* TestCharts::checkBox(QWidget* page, const QString& text) const
{
    for (QCheckBox* box : page->findChildren<QCheckBox*>())
        if (box->text() == text)
            return box;
    return nullptr;
}

void TestCharts::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("HydrascopeTests"));
    QSettings().clear();
    m_path = m_dir.filePath(QStringLiteral("evidence.db"));
    QVERIFY(test::writeTinyDb(m_path));
}

namespace {

int barsOf(QCustomPlot* plot)
{
    int bars = 0;
    for (int i = 0; i < plot->plottableCount(); ++i)
        bars += qobject_cast<QCPBars*>(plot->plottable(i)) ? 1 : 0;
    return bars;
}

QCPGraph* graphNamed(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    return nullptr;
}

} // namespace

// Stacked areas on a log scale shrink every series but the bottom one: with the log scale the
// timeline draws lines, and "Stacked" cannot be ticked until the log scale is off again.
void TestCharts::logScaleDrawsLines()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    TimelinePage* page = w.timelinePage();
    w.pages()->setCurrentWidget(page);
    QCheckBox* stacked = checkBox(page, QStringLiteral("Stacked"));
    QCheckBox* log = checkBox(page, QStringLiteral("Log scale"));
    QVERIFY(stacked && log);
    QVERIFY(stacked->isChecked());
    QVERIFY(barsOf(page->plot()) > 0);
    log->setChecked(true);
    QCOMPARE(barsOf(page->plot()), 0);
    QVERIFY(page->plot()->graphCount() > 1); // one line per series, and the baseline
    QVERIFY(!stacked->isEnabled());
    QCOMPARE(page->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    log->setChecked(false);
    QVERIFY(stacked->isEnabled());
    QVERIFY(barsOf(page->plot()) > 0);
}

void TestCharts::axisNumbersInOneStyle_data()
{
    QTest::addColumn<bool>("log");
    QTest::addRow("linear") << false;
    QTest::addRow("log") << true;
}

// Every tick label of the count axis is a whole number in the locale's style with group
// separators: no "1·10⁶" beside "500000".
void TestCharts::axisNumbersInOneStyle()
{
    QFETCH(bool, log);
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    TimelinePage* page = w.timelinePage();
    w.pages()->setCurrentWidget(page);
    checkBox(page, QStringLiteral("Log scale"))->setChecked(log);
    page->plot()->replot();
    const QVector<double> ticks = page->plot()->yAxis->tickVector();
    const QVector<QString> labels = page->plot()->yAxis->tickVectorLabels();
    QVERIFY(ticks.size() >= 3);
    QCOMPARE(labels.size(), ticks.size());
    QLocale grouped;
    grouped.setNumberOptions(grouped.numberOptions() & ~QLocale::OmitGroupSeparator);
    bool thousands = false;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        QVERIFY2(!labels[i].contains(QChar(0x00B7)) && !labels[i].contains(QLatin1Char('e')), qPrintable(labels[i]));
        QCOMPARE(labels[i], grouped.toString(qlonglong(std::llround(ticks[i]))));
        if (ticks[i] >= 1000) {
            thousands = true;
            QVERIFY2(labels[i].contains(grouped.groupSeparator()), qPrintable(labels[i]));
        }
    }
    // The tiny investigation's bins hold hundreds: the same ticker over millions.
    page->plot()->yAxis->setRange(log ? 1 : 0, 2.5e6);
    page->plot()->replot();
    for (const double tick : page->plot()->yAxis->tickVector())
        thousands = thousands || tick >= 1000;
    const QVector<QString> big = page->plot()->yAxis->tickVectorLabels();
    for (qsizetype i = 0; i < big.size(); ++i) {
        const double tick = page->plot()->yAxis->tickVector()[i];
        QCOMPARE(big[i], grouped.toString(qlonglong(std::llround(tick))));
        if (tick >= 1000)
            QVERIFY2(big[i].contains(grouped.groupSeparator()), qPrintable(big[i]));
    }
    QVERIFY(thousands);
    QCOMPARE(countTickLabel(1500000), grouped.toString(1500000));
}

// The evidence covers part of the first or last bin: that bin is hatched and labelled, and its
// tooltip says what it covers. Which bins are partial is worked out here from SQL.
void TestCharts::partialBinsAreMarked()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    TimelinePage* page = w.timelinePage();
    w.pages()->setCurrentWidget(page);
    const auto first = std::int64_t(test::queryNumber(m_path, QStringLiteral("SELECT min(ts) FROM exchanges")));
    const auto last = std::int64_t(test::queryNumber(m_path, QStringLiteral("SELECT max(ts) FROM exchanges")));
    for (const auto& [from, to] : {std::pair<std::int64_t, std::int64_t>{story::kStart, story::kEnd},
                                   {story::kStart + 3 * 86400, story::kStart + 40 * 86400}}) {
        page->zoomTo(from, to);
        const Bin bin = page->currentBin();
        const std::int64_t size = binSeconds(bin);
        // The hours the evidence touches, against the first and last bin's bounds: a bin covered
        // for less than 90% of its length is partial.
        const std::int64_t begin = first / 3600 * 3600, end = last / 3600 * 3600 + 3600;
        const std::int64_t firstBin = binStart(begin, bin), lastBin = binStart(end - 1, bin);
        const auto covered = [&](std::int64_t binFrom) {
            return double(std::min(end, binFrom + size) - std::max(begin, binFrom)) / double(size);
        };
        int expected = 0;
        if (bin != Bin::Hour) {
            expected += covered(firstBin) < 0.9 ? 1 : 0;
            expected += lastBin != firstBin && covered(lastBin) < 0.9 ? 1 : 0;
        }
        int hatched = 0;
        for (int i = 0; i < page->plot()->itemCount(); ++i)
            hatched += page->plot()->item(i)->objectName() == QLatin1String("partialBin") ? 1 : 0;
        if (hatched != expected)
            qInfo() << "bin" << binName(bin) << "first bin" << firstBin << "last bin" << lastBin << "covered"
                    << covered(firstBin) << covered(lastBin) << page->plot()->xAxis->range().lower;
        QCOMPARE(hatched, expected);
        QCOMPARE(int(page->partialBins()), expected);
        if (bin == Bin::Week) // the tiny investigation ends on a Thursday: its last week is partial
            QVERIFY(expected > 0);
    }
}

void TestCharts::releaseLabelsNeverCut_data()
{
    QTest::addColumn<std::int64_t>("from");
    QTest::addColumn<std::int64_t>("to");
    QTest::addColumn<int>("width");
    // The atlas-3 release just inside the right edge, just outside the left edge, and in the middle.
    QTest::addRow("release at the right edge") << story::kPivotRelease - 20 * 86400 << story::kPivotRelease + 3600 << 1366;
    QTest::addRow("release just off the left edge") << story::kPivotRelease + 600 << story::kPivotRelease + 5 * 86400 << 1366;
    QTest::addRow("narrow window") << story::kStart << story::kEnd << 900;
    QTest::addRow("whole span, wide") << story::kStart << story::kEnd << 1920;
}

// Every release and pivot label that is drawn lies wholly inside the plot: none is cut at an
// edge, and one whose release is outside the visible span is not drawn at all.
void TestCharts::releaseLabelsNeverCut()
{
    QFETCH(std::int64_t, from);
    QFETCH(std::int64_t, to);
    QFETCH(int, width);
    MainWindow w;
    w.resize(width, 768);
    w.show();
    QVERIFY(open(w));
    TimelinePage* page = w.timelinePage();
    w.pages()->setCurrentWidget(page);
    page->zoomTo(from, to);
    page->plot()->replot();
    const QRect area = page->plot()->axisRect()->rect();
    int drawn = 0;
    for (int i = 0; i < page->plot()->itemCount(); ++i) {
        auto* text = qobject_cast<QCPItemText*>(page->plot()->item(i));
        if (!text || !text->property("time").isValid())
            continue; // not a release or pivot label
        const double x = page->plot()->xAxis->coordToPixel(text->property("time").toDouble());
        const bool inside = x >= area.left() && x <= area.right();
        QCOMPARE(text->visible(), inside);
        if (!text->visible())
            continue;
        ++drawn;
        const QRectF box(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition());
        QVERIFY2(box.left() >= area.left() - 1 && box.right() <= area.right() + 1,
                 qPrintable(QStringLiteral("%1: %2..%3 outside %4..%5").arg(text->text()).arg(box.left()).arg(box.right())
                                .arg(area.left()).arg(area.right())));
    }
    QVERIFY(drawn > 0 || (story::kPivotRelease < from || story::kPivotRelease > to));
}

// Zoomed in, resized, zoomed back out: Reset zoom shows the chart the file opened with, in the
// same bin, over the same span.
void TestCharts::resetZoomReturnsToOpeningBin()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w)); // the Overview shows: the timeline opens hidden, as in the dashboard
    TimelinePage* page = w.timelinePage();
    const Bin opened = page->currentBin();
    const QCPRange span = page->plot()->xAxis->range();
    w.pages()->setCurrentWidget(page);
    page->zoomTo(story::kPivotRelease, story::kPivotRelease + 6 * 3600);
    QCOMPARE(page->currentBin(), Bin::Hour);
    w.resize(1920, 1080);
    QCoreApplication::processEvents();
    page->zoomTo(story::kStart, story::kStart + 30 * 86400);
    page->resetZoom();
    QCOMPARE(page->currentBin(), opened);
    QCOMPARE(page->plot()->xAxis->range().lower, span.lower);
    QCOMPARE(page->plot()->xAxis->range().upper, span.upper);
    // A new file opens afresh: its own opening bin.
    QVERIFY(open(w));
    page->resetZoom();
    QCOMPARE(page->plot()->xAxis->range().lower, span.lower);
}

// The baseline is a group like the campaigns: left out of the selection, it is drawn neither on
// the timeline nor as a bar of the capability mix.
void TestCharts::baselineOnlyWhenSelected()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    TimelinePage* page = w.timelinePage();
    w.pages()->setCurrentWidget(page);
    const auto inv = w.investigation();
    QVERIFY(graphNamed(page->plot(), QStringLiteral("Organic baseline")));
    auto categories = [&] {
        auto* series = static_cast<QPercentBarSeries*>(w.capabilitiesPage()->mixChart()->series().front());
        return static_cast<QBarCategoryAxis*>(series->attachedAxes().front())->categories();
    };
    w.pages()->setCurrentWidget(w.capabilitiesPage());
    QTRY_VERIFY(categories().contains(QStringLiteral("Organic baseline")));
    std::vector<bool> groups(inv->groupCount(), true);
    groups[inv->baselineGroup()] = false;
    w.selection()->setGroups(groups);
    QTRY_VERIFY(!categories().contains(QStringLiteral("Organic baseline")));
    QVERIFY(!categories().isEmpty());
    w.pages()->setCurrentWidget(page);
    QTRY_VERIFY(!graphNamed(page->plot(), QStringLiteral("Organic baseline")));
    QVERIFY(page->plot()->plottableCount() > 0);
}

// Each segment's tooltip names its bar and capability with the exact count and share, counted
// here in SQL over the same file.
void TestCharts::capabilityTooltipsAreExact()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    CapabilitiesPage* page = w.capabilitiesPage();
    w.pages()->setCurrentWidget(page);
    const auto inv = w.investigation();
    const QLocale locale;
    int checked = 0;
    for (std::uint32_t c = 0; c < inv->capabilities.size(); ++c) {
        if (c == inv->unclassified)
            continue;
        const QString tip = page->segmentToolTip(false, int(c), 0); // the first bar: the first campaign with traffic
        QVERIFY(!tip.isEmpty());
        const QString campaign = inv->campaigns.front().name;
        const QString where = QStringLiteral("FROM exchanges e JOIN accounts a ON a.id = e.account_id "
                                             "JOIN campaigns k ON k.id = a.campaign_id WHERE k.name = '%1'").arg(campaign);
        const auto all = qlonglong(test::queryNumber(m_path, QStringLiteral("SELECT count(*) ") + where));
        const auto count = qlonglong(test::queryNumber(
            m_path, QStringLiteral("SELECT count(*) %1 AND e.capability_id = (SELECT id FROM capabilities WHERE name = '%2')")
                        .arg(where, inv->capabilities[c].name)));
        QVERIFY(all > 0);
        QVERIFY2(tip.contains(campaign), qPrintable(tip));
        QVERIFY2(tip.contains(inv->capabilities[c].name.toHtmlEscaped()), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("(%1)").arg(locale.toString(count))), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("of %1 exchanges").arg(locale.toString(all))), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale::c().toString(100.0 * double(count) / double(all), 'f', 1) + QLatin1Char('%')), qPrintable(tip));
        ++checked;
    }
    QVERIFY(checked > 3);
    // Over time: the week's bar, same rule.
    const QString weekTip = page->segmentToolTip(true, 0, 0);
    QVERIFY2(weekTip.contains(QStringLiteral("week starting")), qPrintable(weekTip));
    QVERIFY(page->segmentToolTip(false, 0, 999).isEmpty());
}

// The capability that filters every view stands out: its segments outlined, the others faded,
// its legend entry bold; cleared, all look alike again.
void TestCharts::filteringCapabilityIsHighlighted()
{
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(open(w));
    CapabilitiesPage* page = w.capabilitiesPage();
    w.pages()->setCurrentWidget(page);
    const auto sets = [&](QChart* chart) { return static_cast<QPercentBarSeries*>(chart->series().front())->barSets(); };
    w.selection()->setCapability(2u);
    for (QChart* chart : {page->mixChart(), page->overTimeChart()}) {
        QTRY_VERIFY(sets(chart)[2]->pen().widthF() > 2);
        for (qsizetype c = 0; c < sets(chart).size(); ++c)
            QCOMPARE(sets(chart)[c]->color().alpha() == 255, c == 2);
    }
    bool bold = false;
    for (QLegendMarker* marker : page->mixChart()->legend()->markers())
        if (marker->font().bold()) {
            QCOMPARE(marker->label(), sets(page->mixChart())[2]->label());
            bold = true;
        }
    QVERIFY(bold);
    w.selection()->setCapability(std::nullopt);
    QTRY_VERIFY(sets(page->mixChart())[2]->pen().widthF() <= 1);
    for (QBarSet* set : sets(page->mixChart()))
        QCOMPARE(set->color().alpha(), 255);
}

void TestCharts::capabilityLabelsNotCut_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addRow("1366x768") << QSize(1366, 768);
    QTest::addRow("1920x1080") << QSize(1920, 1080);
}

// Week labels and the legend keep their whole text: upright labels where side by side they
// would not fit, the legend to the right in a column where one row would not hold it.
void TestCharts::capabilityLabelsNotCut()
{
    QFETCH(QSize, size);
    MainWindow w;
    w.resize(size);
    w.show();
    QVERIFY(open(w));
    CapabilitiesPage* page = w.capabilitiesPage();
    w.pages()->setCurrentWidget(page);
    QCoreApplication::processEvents();
    if (size.height() >= 768) // the page's minimum heights still fit the screen
        QVERIFY2(w.height() <= size.height(), qPrintable(QString::number(w.height())));
    for (QChart* chart : {page->mixChart(), page->overTimeChart()}) {
        auto* axis = static_cast<QBarCategoryAxis*>(static_cast<QPercentBarSeries*>(chart->series().front())->attachedAxes().front());
        // Tall enough for the percentages of the value axis: Qt Charts cuts them to "…" otherwise.
        auto* values = static_cast<QValueAxis*>(static_cast<QPercentBarSeries*>(chart->series().front())->attachedAxes().back());
        QVERIFY2(chart->plotArea().height() >= values->tickCount() * QFontMetrics(values->labelsFont()).height(),
                 qPrintable(QString::number(chart->plotArea().height())));
        const QFontMetrics fm(axis->labelsFont());
        // Room below the plot for the category labels (and the axis title, if any): Qt Charts
        // cuts them to "…" when the chart is too short for them.
        const double below = chart->size().height() - chart->plotArea().bottom() - chart->margins().bottom();
        const double needed = (axis->labelsAngle() == 0 ? fm.height() : 0)
                              + (axis->titleText().isEmpty() ? 0 : QFontMetrics(axis->titleFont()).height());
        QVERIFY2(below >= needed, qPrintable(QStringLiteral("%1 below the plot, %2 needed").arg(below).arg(needed)));
        const double slot = chart->plotArea().width() / std::max<qsizetype>(1, axis->count());
        for (const QString& label : axis->categories())
            if (axis->labelsAngle() == 0)
                QVERIFY2(fm.horizontalAdvance(label) <= slot, qPrintable(label));
            else
                QVERIFY2(fm.horizontalAdvance(label) <= chart->size().height() / 3, qPrintable(label));
        if (!chart->legend()->isVisible())
            continue;
        // Each visible legend entry as wide as its text needs: nothing cut to "…".
        for (QLegendMarker* marker : chart->legend()->markers())
            if (marker->isVisible())
                QVERIFY(!marker->label().contains(QChar(0x2026)));
        const QRectF legend = chart->legend()->geometry();
        QVERIFY2(chart->legend()->alignment() == Qt::AlignRight || legend.width() <= chart->size().width(),
                 qPrintable(QStringLiteral("legend %1 wide in %2").arg(legend.width()).arg(chart->size().width())));
    }
}

// The report's timeline: campaign traffic above, the baseline on a panel of its own below on its
// own count axis (never a second axis of the same height), the dates once, under the lower panel,
// with room between them and the "0" at the corner.
void TestCharts::reportBaselineHasItsOwnPanel()
{
    const LoadResult loaded = loadInvestigation(m_path, {});
    QVERIFY(loaded.ok());
    const auto& inv = *loaded.investigation;
    const Analysis analysis = analyze(inv, {});
    const ReportContent content = buildReport(inv, analysis, nullptr, Redactor{}, {});
    QVERIFY(!content.campaigns.empty());
    const ReportTimeline& t = content.campaigns.front().timeline;
    QCustomPlot plot;
    buildTimelinePlot(plot, QRectF(0, 0, 2000, 1000), t);
    QCOMPARE(plot.axisRects().size(), 2);
    QCPAxisRect* upper = plot.axisRects().at(0);
    QCPAxisRect* lower = plot.axisRects().at(1);
    QCPGraph* baseline = nullptr;
    for (int i = 0; i < plot.graphCount(); ++i) {
        QCPGraph* g = plot.graph(i);
        const bool isBaseline = g->name().contains(QLatin1String("baseline"));
        QCOMPARE(g->keyAxis()->axisRect(), isBaseline ? lower : upper);
        if (isBaseline)
            baseline = g;
    }
    QVERIFY(baseline);
    QVERIFY(!plot.yAxis2->visible());                          // no second axis over the campaign
    plot.replot();
    QVERIFY2(lower->rect().height() < upper->rect().height() * 0.6, // a panel, not an equal
             qPrintable(QStringLiteral("%1 against %2").arg(lower->rect().height()).arg(upper->rect().height())));
    QVERIFY(!upper->axis(QCPAxis::atBottom)->tickLabels());
    QVERIFY(lower->axis(QCPAxis::atBottom)->tickLabels());
    // "0" sits on the lower panel's bottom edge, half its height below it; the dates start
    // further down than that, so the two never touch.
    plot.replot();
    const QFontMetrics zero(lower->axis(QCPAxis::atLeft)->tickLabelFont());
    QVERIFY(lower->axis(QCPAxis::atBottom)->tickLabelPadding() > zero.height() / 2 + 2);
    QCOMPARE(lower->axis(QCPAxis::atLeft)->range().lower, 0.0);
    // The baseline's own axis fits the baseline: its tallest bin fills most of the panel.
    double top = 0;
    for (double v : t.data.baseline)
        top = std::max(top, v);
    if (top >= 5)
        QVERIFY(lower->axis(QCPAxis::atLeft)->range().upper < top * 1.5);
}

// A pivot band is drawn only on the page of the campaign that pivoted (checked against the
// analysis, not the report's own lists), and each pivot of a campaign is on its page.
void TestCharts::reportPivotsOnlyOnTheirCampaign()
{
    const LoadResult loaded = loadInvestigation(m_path, {});
    QVERIFY(loaded.ok());
    const auto& inv = *loaded.investigation;
    for (double threshold : {0.10, 0.30}) {
        const Analysis analysis = analyze(inv, {threshold});
        const ReportContent content = buildReport(inv, analysis, nullptr, Redactor{}, {});
        int bands = 0;
        for (const CampaignReport& c : content.campaigns) {
            const GroupFigures* g = nullptr;
            for (const GroupFigures& x : analysis.campaigns)
                if (x.group == c.group)
                    g = &x;
            QVERIFY(g);
            std::vector<std::int64_t> own;
            for (const PivotFigure& p : g->pivots)
                if (p.pivot)
                    own.push_back(p.releasedAt);
            QCOMPARE(c.timeline.pivots.size(), own.size());
            for (const ReportMark& m : c.timeline.pivots) {
                QVERIFY(std::find(own.begin(), own.end(), m.from) != own.end());
                QVERIFY2(m.label.contains(QLatin1String("pivot")), qPrintable(m.label));
                ++bands;
            }
            // The page's plot: one band per own pivot, and no other shaded rectangle.
            QCustomPlot plot;
            buildTimelinePlot(plot, QRectF(0, 0, 2000, 1000), c.timeline);
            int rects = 0;
            for (int i = 0; i < plot.itemCount(); ++i)
                rects += qobject_cast<QCPItemRect*>(plot.item(i)) && plot.item(i)->objectName() == QLatin1String("pivotBand") ? 1 : 0;
            QCOMPARE(rects, int(own.size()));
        }
        QVERIFY(bands > 0);
    }
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
