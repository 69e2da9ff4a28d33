// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkpage.h"

#include "chartexport.h"
#include "churn.h"
#include "churnplot.h"
#include "displaytext.h"
#include "job.h"
#include "lazyupdate.h"
#include "networkcanvas.h"
#include "networkdetails.h"
#include "networktimebar.h"
#include "qcustomplotshim.h"
#include "reportcampaign.h"
#include "selection.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace hs {
namespace {

constexpr std::int64_t kDay = 86400;
const char* const kKindTitles[kLinkKinds] = {QT_TRANSLATE_NOOP("hs::NetworkPage", "Payment"), QT_TRANSLATE_NOOP("hs::NetworkPage", "IP"),
                                             QT_TRANSLATE_NOOP("hs::NetworkPage", "/24"), QT_TRANSLATE_NOOP("hs::NetworkPage", "User agent"),
                                             QT_TRANSLATE_NOOP("hs::NetworkPage", "Email domain"),
                                             QT_TRANSLATE_NOOP("hs::NetworkPage", "Synchronised timing")};

} // namespace

QString NetworkPage::kindTitle(LinkKind kind) { return tr(kKindTitles[std::size_t(kind)]); }

namespace {

QIcon swatch(QColor color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(color);
    return QIcon(pixmap);
}

} // namespace

NetworkPage::NetworkPage(SelectionState* selection, QWidget* parent) : QWidget(parent), m_selection(selection)
{
    setObjectName(QStringLiteral("networkPage"));
    m_graphJob = new JobSlot(this);
    m_layoutJob = new JobSlot(this);
    m_lazy = new LazyUpdate(this, [this] { rebuildGraph(); });

    // The legend: one toggle per kind of link, in its colour.
    auto* legend = new QHBoxLayout;
    legend->addWidget(new QLabel(tr("Links:"), this));
    for (int k = 0; k < kLinkKinds; ++k) {
        auto* box = m_kindBoxes[std::size_t(k)] = new QCheckBox(kindTitle(LinkKind(k)), this);
        box->setIcon(swatch(linkKindColor(LinkKind(k))));
        box->setChecked(true);
        box->setObjectName(QStringLiteral("networkKind_") + linkKindKey(LinkKind(k)));
        connect(box, &QCheckBox::toggled, this, [this, k](bool on) {
            m_canvas->setKindShown(LinkKind(k), on);
            updateHighlight();
        });
        legend->addWidget(box);
    }
    legend->addStretch(1);

    m_controls = new QWidget(this); // the working controls: hidden on a slide
    auto* controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("Highlight: links at least"), this));
    m_minDegree = new QSpinBox(this);
    m_minDegree->setRange(0, 1000000);
    m_minDegree->setAccessibleName(tr("Highlight accounts with at least this many links"));
    controls->addWidget(m_minDegree);
    m_campaign = new QComboBox(this);
    m_campaign->setAccessibleName(tr("Highlight the accounts of a campaign"));
    controls->addWidget(m_campaign);
    m_linkKind = new QComboBox(this);
    m_linkKind->setAccessibleName(tr("Highlight the accounts with a kind of link"));
    m_linkKind->addItem(tr("any link"), -1);
    for (int k = 0; k < kLinkKinds; ++k)
        m_linkKind->addItem(tr("with a %1 link").arg(kindTitle(LinkKind(k))), k);
    controls->addWidget(m_linkKind);
    m_open = new QPushButton(tr("Open/close cluster"), this);
    m_open->setToolTip(tr("Open or close the selected cluster (Space; double-click a cluster)"));
    m_more = new QPushButton(tr("Show more"), this);
    m_more->setToolTip(tr("Lay out %1 more accounts of the selected cluster").arg(QLocale().toString(qulonglong(kLoadStep))));
    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show the whole network (0)"));
    auto* save = new QPushButton(tr("Export image..."), this);
    auto* copy = new QPushButton(tr("Copy details"), this);
    for (QPushButton* b : {m_open, m_more, fit, save, copy})
        controls->addWidget(b);
    controls->addStretch(1);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    controls->addWidget(m_status);

    m_canvas = new NetworkCanvas(this);
    m_canvas->setObjectName(QStringLiteral("networkCanvas"));
    m_canvas->setAccessibleName(tr("Network of accounts"));
    m_canvas->setAccessibleDescription(tr("Arrow keys pan, plus and minus zoom, 0 fits, N and P step through accounts or "
                                          "clusters, Space opens a cluster, Enter filters every view to the account"));
    m_timeBar = new NetworkTimeBar(this);
    m_timeBar->setObjectName(QStringLiteral("networkTimeBar"));
    m_timeBar->setAccessibleName(tr("Time window: active accounts per day"));
    m_timeBar->setAccessibleDescription(tr("Left and right move the window a day; Shift widens it"));
    m_play = new QToolButton(this);
    m_play->setCheckable(true);
    m_play->setText(tr("Play"));
    m_play->setAccessibleName(tr("Play the time window"));
    m_playTimer = new QTimer(this);
    m_playTimer->setInterval(400);
    connect(m_playTimer, &QTimer::timeout, this, [this] {
        if (!m_timeBar->stepDays(1))
            setPlaying(false);
    });
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(m_play);
    timeRow->addWidget(m_timeBar, 1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_canvas, 1);
    leftLayout->addLayout(timeRow);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_churnCampaign = new QComboBox(this);
    m_churnCampaign->setAccessibleName(tr("Campaign of the churn chart"));
    rightLayout->addWidget(m_churnCampaign);
    m_churn = new QCustomPlot(this);
    m_churn->setObjectName(QStringLiteral("networkChurn"));
    m_churn->setAccessibleName(tr("Churn: accounts created, first seen, banned and active per day"));
    m_churn->setMinimumHeight(180);
    rightLayout->addWidget(m_churn, 2);
    m_median = new QLabel(this);
    m_median->setWordWrap(true);
    m_median->setTextFormat(Qt::PlainText);
    rightLayout->addWidget(m_median);
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("networkDetails"));
    m_details->setAccessibleName(tr("The selected account or cluster"));
    m_details->setPlaceholderText(tr("Click an account or a cluster"));
    rightLayout->addWidget(m_details, 3);

    m_split = new QSplitter(this);
    m_split->addWidget(left);
    m_split->addWidget(right);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    // A fifth of the width for the churn chart's dates and the details' lines (a minimum width
    // instead would leave the splitter a size it cannot take, and its saved state would change).
    const int side = fontMetrics().averageCharWidth() * 40;
    m_split->setSizes({4 * side, side});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(legend);
    layout->addWidget(m_controls);
    m_scope = new QLabel(this); // its own line: the controls' row has no room for a sentence at 1366 px
    m_scope->setTextFormat(Qt::PlainText);
    m_scope->setWordWrap(true);
    m_scope->setVisible(false);
    layout->addWidget(m_scope);
    layout->addWidget(m_split, 1);

    connect(m_selection, &SelectionState::changed, this, &NetworkPage::onSelectionChanged);
    connect(m_minDegree, &QSpinBox::valueChanged, this, &NetworkPage::updateHighlight);
    connect(m_campaign, &QComboBox::currentIndexChanged, this, &NetworkPage::updateHighlight);
    connect(m_linkKind, &QComboBox::currentIndexChanged, this, &NetworkPage::updateHighlight);
    connect(m_churnCampaign, &QComboBox::currentIndexChanged, this, &NetworkPage::updateChurn);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const auto c = m_canvas->selectedCluster())
            toggleCluster(*c);
    });
    connect(m_more, &QPushButton::clicked, this, [this] {
        if (const auto c = m_canvas->selectedCluster())
            showMore(*c);
    });
    connect(fit, &QPushButton::clicked, m_canvas, &NetworkCanvas::fitAll);
    connect(save, &QPushButton::clicked, this, &NetworkPage::exportImage);
    connect(copy, &QPushButton::clicked, this, &NetworkPage::copyDetails);
    connect(m_play, &QToolButton::toggled, this, &NetworkPage::setPlaying);
    connect(m_timeBar, &NetworkTimeBar::windowMoved, m_canvas, &NetworkCanvas::setWindow);
    connect(m_timeBar, &NetworkTimeBar::windowChosen, this, &NetworkPage::onWindowChosen);
    connect(m_canvas, &NetworkCanvas::nodeClicked, this, &NetworkPage::onNodeClicked);
    connect(m_canvas, &NetworkCanvas::nodeActivated, this, &NetworkPage::onNodeActivated);
    connect(m_canvas, &NetworkCanvas::clusterClicked, this, &NetworkPage::onClusterClicked);
    connect(m_canvas, &NetworkCanvas::clusterActivated, this, &NetworkPage::toggleCluster);
}

void NetworkPage::setResults(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_graphGroups.clear();
    m_graph.reset();
    m_canvas->setGraph(m_inv, nullptr);
    m_campaign->blockSignals(true);
    m_campaign->clear();
    m_campaign->addItem(tr("every campaign"), -1);
    for (std::uint32_t g = 0; m_inv && g < m_inv->campaigns.size(); ++g)
        m_campaign->addItem(shownEvidence(m_inv->campaigns[g].name, 80), g);
    if (m_inv)
        m_campaign->addItem(tr("baseline"), m_inv->baselineGroup());
    m_campaign->blockSignals(false);
    m_lazy->request();
}

bool NetworkPage::isBusy() const
{
    return (m_inv && !m_graph) || m_graphJob->isRunning() || m_layoutJob->isRunning() || m_lazy->isPending();
}

std::size_t NetworkPage::autoOpen() const { return std::min(kAutoOpen, m_loadStep); }

void NetworkPage::rebuildGraph()
{
    if (!m_inv)
        return;
    m_graphGroups = m_selection->current().groups;
    m_layoutJob->cancel();
    m_pendingLayouts.clear();
    m_layingOut = kNoIndex;
    m_status->setText(tr("Linking accounts..."));
    m_graphJob->start(
        [inv = m_inv, input = NetworkInput{m_selection->current(), {}}](const ProgressSink& sink) {
            return std::make_shared<const NetworkGraph>(buildNetworkGraph(*inv, input, sink));
        },
        [this](std::shared_ptr<const NetworkGraph> graph) { onGraph(std::move(graph)); });
}

void NetworkPage::onGraph(std::shared_ptr<const NetworkGraph> graph)
{
    m_graph = std::move(graph);
    m_limits.clear();
    m_canvas->setGraph(m_inv, m_graph);
    m_timeBar->setSeries(m_graph->fromDay, m_graph->activePerDay);
    applyRange();
    updateLegend();
    updateHighlight();
    updateChurn();
    showCounts();
    for (std::uint32_t c = 0; c < m_graph->clusters.size(); ++c)
        if (m_graph->clusters[c].nodes.size() <= autoOpen())
            startLayout(c, autoOpen());
    selectPendingAccount();
    applyPresentCluster();
    Q_EMIT graphReady();
}

// After a double-click, or a selection of one account: that account again, its cluster opened far
// enough to draw it (the layout's arrival selects the node).
void NetworkPage::selectPendingAccount()
{
    for (std::uint32_t n = 0; m_graph && m_selectAccount && n < m_graph->nodes.size(); ++n) {
        if (m_inv->accounts[m_graph->nodes[n].account].id != *m_selectAccount)
            continue;
        const std::uint32_t c = m_graph->nodes[n].cluster;
        const auto& nodes = m_graph->clusters[c].nodes;
        m_details->setPlainText(accountDetails(*m_inv, *m_graph, n));
        if (const auto layout = m_canvas->layoutOf(c); layout && layout->position(n) >= 0) {
            m_selectAccount.reset(); // already drawn
            m_canvas->setOpen(c, true);
            m_canvas->selectNode(n);
        } else if (nodes.size() > autoOpen()) {
            startLayout(c, std::max(m_loadStep, std::size_t(std::find(nodes.begin(), nodes.end(), n) - nodes.begin()) + 1));
        }
        break;
    }
}

QString NetworkPage::statusText() const
{
    return m_scope->text().isEmpty() ? m_status->text() : m_status->text() + QLatin1Char('\n') + m_scope->text();
}

// Links join accounts, not exchanges: a model, capability or account filter cannot narrow them,
// and the status says so rather than let the network pass for the filtered selection.
void NetworkPage::showCounts()
{
    if (!m_graph)
        return;
    QString text = tr("%1 accounts, %2 clusters")
                       .arg(QLocale().toString(qulonglong(m_graph->nodes.size())))
                       .arg(m_graph->clusters.size());
    const Selection& s = m_selection->current();
    QStringList notApplied;
    if (s.model)
        notApplied << tr("model");
    if (s.capability)
        notApplied << tr("capability");
    if (s.account)
        notApplied << tr("account");
    m_status->setText(text);
    m_scope->setText(notApplied.isEmpty() ? QString()
                                          : tr("Every account of the selected groups: the %1 filter does not apply to links, "
                                               "which join accounts, not exchanges.")
                                                .arg(notApplied.join(tr(" and "))));
    m_scope->setVisible(!notApplied.isEmpty());
}

std::size_t NetworkPage::loadLimit(std::uint32_t cluster) const
{
    const auto it = m_limits.find(cluster);
    return it == m_limits.end() ? 0 : it->second;
}

void NetworkPage::toggleCluster(std::uint32_t cluster)
{
    if (!m_graph || cluster >= m_graph->clusters.size())
        return;
    if (m_canvas->isOpen(cluster)) {
        m_canvas->setOpen(cluster, false);
        return;
    }
    if (m_canvas->layoutOf(cluster))
        m_canvas->setOpen(cluster, true);
    else
        startLayout(cluster, m_loadStep);
}

void NetworkPage::showMore(std::uint32_t cluster, std::size_t accounts)
{
    if (!m_graph || cluster >= m_graph->clusters.size())
        return;
    const std::size_t size = m_graph->clusters[cluster].nodes.size();
    const std::size_t limit = std::min(size, loadLimit(cluster) + (accounts ? accounts : m_loadStep));
    if (limit > loadLimit(cluster) || !m_canvas->isOpen(cluster))
        startLayout(cluster, limit);
}

void NetworkPage::startLayout(std::uint32_t cluster, std::size_t limit)
{
    m_pendingLayouts.emplace_back(cluster, limit);
    if (m_layingOut == kNoIndex)
        runNextLayout();
}

void NetworkPage::runNextLayout()
{
    if (m_pendingLayouts.empty()) {
        m_layingOut = kNoIndex;
        return;
    }
    const auto [cluster, limit] = m_pendingLayouts.front();
    m_pendingLayouts.pop_front();
    m_layingOut = cluster;
    const std::size_t size = std::min(limit, m_graph->clusters[cluster].nodes.size());
    m_status->setText(tr("Laying out %1 accounts...").arg(QLocale().toString(qulonglong(size))));
    m_layoutJob->start(
        [graph = m_graph, cluster, size, warm = m_canvas->layoutOf(cluster)](const ProgressSink& sink) {
            return std::make_shared<const ClusterLayout>(layoutCluster(*graph, cluster, size, warm.get(), sink));
        },
        [this, graph = m_graph, cluster, size](std::shared_ptr<const ClusterLayout> layout) {
            if (graph != m_graph)
                return;
            m_limits[cluster] = size;
            if (m_selectAccount)
                for (const std::uint32_t n : layout->nodes)
                    if (m_inv->accounts[m_graph->nodes[n].account].id == *m_selectAccount) {
                        m_selectAccount.reset();
                        m_canvas->setLayout(layout); // opens it
                        m_canvas->selectNode(n);
                        break;
                    }
            m_canvas->setLayout(std::move(layout)); // opens it
            showCounts();
            Q_EMIT layoutReady(cluster);
            runNextLayout();
        });
}

void NetworkPage::onSelectionChanged()
{
    const Selection& s = m_selection->current();
    if (m_inv && s.account && *s.account < m_inv->accounts.size())
        m_selectAccount = m_inv->accounts[*s.account].id; // "Show on the timeline": this account selected here too
    if (m_inv && s.groups != m_graphGroups) {
        m_lazy->request();
        return;
    }
    applyRange();
    showCounts();
    selectPendingAccount();
}

void NetworkPage::applyRange()
{
    if (!m_graph)
        return;
    const auto& range = m_selection->current().range;
    const std::int64_t from = range ? range->from : m_timeBar->spanFrom();
    const std::int64_t to = range ? range->to : m_timeBar->spanTo();
    m_timeBar->setWindow(from, to);
    m_canvas->setWindow(from, to);
}

void NetworkPage::onWindowChosen(std::int64_t from, std::int64_t to)
{
    m_canvas->setWindow(from, to);
    if (m_playTimer->isActive())
        return; // the shared selection follows when the animation stops
    const bool whole = from <= m_timeBar->spanFrom() && to >= m_timeBar->spanTo();
    m_selection->setRange(whole ? std::nullopt : std::optional<TimeRange>(TimeRange{from, to}));
}

void NetworkPage::setPlaying(bool on)
{
    m_play->blockSignals(true);
    m_play->setChecked(on);
    m_play->blockSignals(false);
    m_play->setText(on ? tr("Pause") : tr("Play"));
    if (on) {
        if (m_timeBar->windowTo() >= m_timeBar->spanTo()) // from the start again
            m_timeBar->setWindow(m_timeBar->spanFrom(), m_timeBar->spanFrom() + std::max<std::int64_t>(kDay, 7 * kDay));
        m_playTimer->start();
    } else if (m_playTimer->isActive()) {
        m_playTimer->stop();
        onWindowChosen(m_timeBar->windowFrom(), m_timeBar->windowTo());
    }
}

void NetworkPage::onNodeClicked(std::uint32_t node)
{
    m_details->setPlainText(accountDetails(*m_inv, *m_graph, node));
}

void NetworkPage::onNodeActivated(std::uint32_t node)
{
    // Every view to this account: its campaign, over the days it was active.
    const NetworkNode& n = m_graph->nodes[node];
    Selection s = m_selection->current();
    s.groups.assign(m_inv->groupCount(), false);
    s.groups[n.group] = true;
    if (n.seen)
        s.range = TimeRange{n.first - ((n.first % kDay) + kDay) % kDay, n.last - ((n.last % kDay) + kDay) % kDay + kDay};
    m_selectAccount = m_inv->accounts[n.account].id;
    m_selection->set(s);
}

void NetworkPage::onClusterClicked(std::uint32_t cluster)
{
    m_details->setPlainText(clusterDetails(*m_inv, *m_graph, cluster));
}

void NetworkPage::updateHighlight()
{
    const int kind = m_linkKind->currentData().toInt();
    m_canvas->setHighlight(std::uint32_t(m_minDegree->value()),
                           m_campaign->currentData().isValid() && m_campaign->currentData().toInt() >= 0
                               ? m_campaign->currentData().toUInt() : kNoIndex,
                           kind >= 0 ? std::optional<LinkKind>(LinkKind(kind)) : std::nullopt);
}

} // namespace hs
