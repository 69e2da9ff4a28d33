// SPDX-License-Identifier: GPL-3.0-or-later
// The Network page offscreen, on the generator's tiny investigation: clusters open and close with
// a load limit and "Show more", link kinds toggle, a click shows the account and a double-click
// filters every view to it, the time window follows the shared selection and moves it, PNG and
// SVG export, and the keyboard.
#include "fixturedb.h"
#include "loader.h"
#include "networkcanvas.h"
#include "networkpage.h"
#include "networktimebar.h"
#include "selection.h"

#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace hs;

class TestNetworkPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void openCloseAndShowMore();
    void kindToggles();
    void clickAndDoubleClick();
    void timeWindowBothWays();
    void exportImages_data();
    void exportImages();
    void keyboard();
    void filtersItCannotApplyAreSaid();

private:
    // Opens the largest cluster with everything laid out; its first drawn node.
    std::uint32_t openLargest();

    QTemporaryDir m_dir;
    std::shared_ptr<const Investigation> m_inv;
    std::unique_ptr<SelectionState> m_selection;
    std::unique_ptr<NetworkPage> m_page;
};

void TestNetworkPage::initTestCase()
{
    test::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QString path = m_dir.filePath(QStringLiteral("tiny.db"));
    QVERIFY(test::writeTinyDb(path));
    const LoadResult loaded = loadInvestigation(path);
    QVERIFY(loaded.ok());
    m_inv = loaded.investigation;
}

void TestNetworkPage::init()
{
    m_selection = std::make_unique<SelectionState>();
    m_selection->reset(m_inv->groupCount());
    m_page = std::make_unique<NetworkPage>(m_selection.get());
    m_page->resize(1366, 768);
    QSignalSpy ready(m_page.get(), &NetworkPage::graphReady);
    m_page->setResults(m_inv);
    QVERIFY(m_page->isBusy()); // hidden: waits to be shown
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000); // it may have come while the window was exposed
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 20000);
}

void TestNetworkPage::cleanup()
{
    m_page.reset();
    m_selection.reset();
}

std::uint32_t TestNetworkPage::openLargest()
{
    NetworkCanvas* canvas = m_page->canvas();
    if (!canvas->isOpen(0) || m_page->loadLimit(0) < m_page->graph()->clusters[0].nodes.size()) {
        QSignalSpy laid(m_page.get(), &NetworkPage::layoutReady);
        m_page->showMore(0, m_page->graph()->clusters[0].nodes.size());
        [&] { QVERIFY(laid.wait(20000)); }();
    }
    const auto order = canvas->drawnOrder();
    return order.empty() ? kNoIndex : order.front();
}

void TestNetworkPage::openCloseAndShowMore()
{
    const std::shared_ptr<const NetworkGraph> graph = m_page->graph(); // alive while read, whatever the page does
    const NetworkGraph& g = *graph;
    NetworkCanvas* canvas = m_page->canvas();
    QVERIFY(g.clusters.size() >= 2);
    const std::size_t size = g.clusters[0].nodes.size();
    QVERIFY2(size > 20, "the tiny file's largest cluster is too small to test a load limit");
    // Small clusters opened by themselves; reopen the largest with a small load limit.
    for (std::uint32_t c = 0; c < g.clusters.size(); ++c)
        QCOMPARE(canvas->isOpen(c), g.clusters[c].nodes.size() <= m_page->autoOpen());
    if (canvas->isOpen(0))
        m_page->toggleCluster(0);
    QVERIFY(!canvas->isOpen(0));
    const std::size_t before = canvas->drawnNodes();
    QSignalSpy laid(m_page.get(), &NetworkPage::layoutReady);
    auto fresh = std::make_unique<NetworkPage>(m_selection.get());
    fresh->setLoadStep(10);
    fresh->resize(800, 600);
    QSignalSpy ready(fresh.get(), &NetworkPage::graphReady);
    QSignalSpy freshLaid(fresh.get(), &NetworkPage::layoutReady);
    fresh->setResults(m_inv);
    fresh->show();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!fresh->isBusy(), 20000);
    if (fresh->canvas()->isOpen(0))
        fresh->toggleCluster(0);
    const std::size_t closed = fresh->canvas()->drawnNodes();
    freshLaid.clear();
    fresh->toggleCluster(0);
    QVERIFY(freshLaid.wait(20000));
    QVERIFY(fresh->canvas()->isOpen(0));
    QCOMPARE(fresh->loadLimit(0), std::size_t(10));
    QVERIFY(fresh->canvas()->drawnNodes() <= closed + 10);
    QVERIFY(fresh->canvas()->drawnNodes() > closed);
    freshLaid.clear();
    fresh->showMore(0);
    QVERIFY(freshLaid.wait(20000));
    QCOMPARE(fresh->loadLimit(0), std::size_t(20));
    fresh->toggleCluster(0); // closed again at once: the layout is kept
    QVERIFY(!fresh->canvas()->isOpen(0));
    QCOMPARE(fresh->canvas()->drawnNodes(), closed);
    fresh->toggleCluster(0);
    QVERIFY(fresh->canvas()->isOpen(0));
    QVERIFY(!fresh->isBusy());
    // The whole cluster on the first page: every node drawn.
    openLargest();
    QVERIFY(canvas->drawnNodes() >= before + size);
}

void TestNetworkPage::kindToggles()
{
    openLargest();
    NetworkCanvas* canvas = m_page->canvas();
    const std::shared_ptr<const NetworkGraph> graph = m_page->graph(); // alive while read, whatever the page does
    const NetworkGraph& g = *graph;
    int tested = 0;
    for (int k = 0; k < kLinkKinds; ++k) {
        const auto kind = LinkKind(k);
        QCheckBox* box = m_page->kindToggle(kind);
        QVERIFY(box->isChecked());
        QVERIFY(box->text().contains(QLocale().toString(qulonglong(g.edgesPerKind[std::size_t(k)]))));
        const std::size_t lines = canvas->drawnLines(kind);
        box->setChecked(false);
        QCOMPARE(canvas->drawnLines(kind), std::size_t(0));
        box->setChecked(true);
        QCOMPARE(canvas->drawnLines(kind), lines);
        tested += lines > 0 ? 1 : 0;
    }
    QVERIFY2(tested >= 2, "fewer than two kinds of link drawn: the toggles were not tested");
}

void TestNetworkPage::clickAndDoubleClick()
{
    const std::uint32_t node = openLargest();
    QVERIFY(node != kNoIndex);
    NetworkCanvas* canvas = m_page->canvas();
    canvas->selectNode(node); // centres it
    const QPoint at = canvas->toScreen(node).toPoint();
    QVERIFY(canvas->rect().contains(at));
    const NetworkNode n = m_page->graph()->nodes[node]; // a copy: the graph is replaced below
    const AccountInfo& account = m_inv->accounts[n.account];
    canvas->selectNode(std::nullopt);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
    QCOMPARE(canvas->selectedNode(), std::optional<std::uint32_t>(node));
    QVERIFY(m_page->details()->toPlainText().contains(account.externalRef));
    QVERIFY(m_page->details()->toPlainText().contains(QStringLiteral("Indicators:")));

    QSignalSpy ready(m_page.get(), &NetworkPage::graphReady);
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, at);
    const Selection& s = m_selection->current();
    for (std::uint32_t g = 0; g < m_inv->groupCount(); ++g)
        QCOMPARE(s.hasGroup(g), g == n.group);
    QVERIFY(s.range);
    QVERIFY(s.range->from <= n.first && n.last < s.range->to);
    QVERIFY(s.range->to - s.range->from <= n.last - n.first + 2 * 86400);
    // The page follows: a graph of that campaign, the account selected again.
    QVERIFY(ready.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->canvas()->selectedNode().has_value(), 20000);
    const std::shared_ptr<const NetworkGraph> afterGraph = m_page->graph();
    const NetworkGraph& after = *afterGraph;
    QCOMPARE(m_inv->accounts[after.nodes[*m_page->canvas()->selectedNode()].account].id, account.id);
    for (const NetworkNode& x : after.nodes)
        QCOMPARE(x.group, n.group);
}

void TestNetworkPage::timeWindowBothWays()
{
    openLargest();
    NetworkTimeBar* bar = m_page->timeBar();
    NetworkCanvas* canvas = m_page->canvas();
    const std::int64_t from = bar->spanFrom() + 10 * 86400, to = from + 5 * 86400;
    // Selection -> page.
    const std::size_t all = canvas->drawnNodes();
    m_selection->setRange(TimeRange{from, to});
    QCOMPARE(bar->windowFrom(), from);
    QCOMPARE(bar->windowTo(), to);
    const std::shared_ptr<const NetworkGraph> graph = m_page->graph(); // alive while read, whatever the page does
    const NetworkGraph& g = *graph;
    std::size_t expected = 0;
    for (const std::uint32_t n : canvas->drawnOrder())
        expected += g.nodes[n].seen && g.nodes[n].first >= to ? 1 : 0;
    QCOMPARE(expected, std::size_t(0)); // nodes first seen after the window are not drawn
    QVERIFY(canvas->drawnNodes() < all);
    // Page -> selection: a day on.
    bar->setFocus();
    QTest::keyClick(bar, Qt::Key_Right);
    QCOMPARE(m_selection->current().range, std::optional<TimeRange>(TimeRange{from + 86400, to + 86400}));
    QTest::keyClick(bar, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(m_selection->current().range, std::optional<TimeRange>(TimeRange{from + 86400, to + 2 * 86400}));
    // Banned marks only for bans before the window's end.
    std::size_t banned = 0;
    for (const std::uint32_t n : canvas->drawnOrder())
        banned += g.nodes[n].bannedAt && *g.nodes[n].bannedAt < to + 2 * 86400 ? 1 : 0;
    QCOMPARE(canvas->bannedMarks(), banned);
    // The whole span again: no range in the selection.
    m_selection->setRange(std::nullopt);
    QCOMPARE(bar->windowFrom(), bar->spanFrom());
    QCOMPARE(canvas->drawnNodes(), all);
    // Play steps the window a day at a time without touching the selection until it stops.
    m_page->setPlaying(true);
    const std::int64_t start = bar->windowFrom();
    QTRY_VERIFY_WITH_TIMEOUT(bar->windowFrom() > start, 5000);
    QVERIFY(!m_selection->current().range);
    m_page->setPlaying(false);
    QCOMPARE(m_selection->current().range, std::optional<TimeRange>(TimeRange{bar->windowFrom(), bar->windowTo()}));
}

void TestNetworkPage::exportImages_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addRow("png") << QStringLiteral("png");
    QTest::addRow("svg") << QStringLiteral("svg");
}

void TestNetworkPage::exportImages()
{
    QFETCH(QString, suffix);
    openLargest();
    const QString path = m_dir.filePath(QStringLiteral("network.") + suffix);
    QVERIFY(m_page->saveImage(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (suffix == QLatin1String("png")) {
        const QImage image = QImage::fromData(bytes, "PNG");
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_page->canvas()->size() * m_page->canvas()->devicePixelRatio());
    } else {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("<polyline") || bytes.contains("<path")); // the links and nodes, as vectors
    }
}

void TestNetworkPage::keyboard()
{
    NetworkCanvas* canvas = m_page->canvas();
    canvas->setFocus();
    QVERIFY(!canvas->isOpen(0) || m_page->graph()->clusters[0].nodes.size() <= m_page->autoOpen());
    if (canvas->isOpen(0))
        m_page->toggleCluster(0);
    // N steps through the closed clusters; Space opens the selected one.
    QTest::keyClick(canvas, Qt::Key_N);
    QCOMPARE(canvas->selectedCluster(), std::optional<std::uint32_t>(0));
    QVERIFY(m_page->details()->toPlainText().contains(QStringLiteral("accounts")));
    QSignalSpy laid(m_page.get(), &NetworkPage::layoutReady);
    QTest::keyClick(canvas, Qt::Key_Space);
    if (!canvas->isOpen(0)) // laid out already when it opened by itself
        QVERIFY(laid.wait(20000));
    QVERIFY(canvas->isOpen(0));
    // Then through its accounts.
    QTest::keyClick(canvas, Qt::Key_N);
    QVERIFY(canvas->selectedNode());
    const std::uint32_t first = *canvas->selectedNode();
    QTest::keyClick(canvas, Qt::Key_N);
    QVERIFY(canvas->selectedNode() != first);
    QTest::keyClick(canvas, Qt::Key_P);
    QCOMPARE(canvas->selectedNode(), std::optional<std::uint32_t>(first));
    // Zoom and pan.
    const double zoom = canvas->zoom();
    QTest::keyClick(canvas, Qt::Key_Plus);
    QVERIFY(canvas->zoom() > zoom);
    QTest::keyClick(canvas, Qt::Key_0);
    QCOMPARE(canvas->zoom(), zoom);
    const QPointF where = canvas->toScreen(first);
    QTest::keyClick(canvas, Qt::Key_Left);
    QCOMPARE(canvas->toScreen(first), where + QPointF(40, 0));
    // Enter filters every view to the account.
    QTest::keyClick(canvas, Qt::Key_Return);
    QVERIFY(m_selection->current().range);
}

// One account chosen elsewhere ("Show on the timeline") with a model filter: the network cannot be
// narrowed by either (links join accounts), its status says so, and that account is selected.
void TestNetworkPage::filtersItCannotApplyAreSaid()
{
    QVERIFY(!m_page->statusText().contains(QStringLiteral("does not apply")));
    std::uint32_t node = kNoIndex;
    const auto graph = m_page->graph();
    for (std::uint32_t n = 0; n < graph->nodes.size() && node == kNoIndex; ++n)
        if (graph->nodes[n].seen && graph->clusters[graph->nodes[n].cluster].nodes.size() > 1)
            node = n;
    QVERIFY(node != kNoIndex);
    const std::uint32_t account = graph->nodes[node].account;
    Selection s = m_selection->current();
    s.account = account;
    s.model = 0;
    m_selection->set(s);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->statusText().contains(QStringLiteral("the model and account filter does not apply")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->canvas()->selectedNode().has_value(), 20000);
    const auto now = m_page->graph();
    QCOMPARE(now->nodes[*m_page->canvas()->selectedNode()].account, account);
    QVERIFY(m_page->details()->toPlainText().contains(m_inv->accounts[account].externalRef));
    QVERIFY(m_page->width() <= 1366); // the sentence wraps on its own line, never widens the page
    if (const QString shots = qEnvironmentVariable("HYDRASCOPE_SHOTS_DIR"); !shots.isEmpty())
        QVERIFY(m_page->grab().save(shots + QStringLiteral("/network-filters-not-applied.png")));
    s.account.reset();
    s.model.reset();
    m_selection->set(s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->statusText().contains(QStringLiteral("does not apply")), 20000);
}

QTEST_MAIN(TestNetworkPage)
#include "tst_networkpage.moc"
