// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Network view: the selection's accounts as a graph (networkcanvas.h) linked by shared
// indicators, clusters that open and close (a large one laid out on demand, up to a load limit,
// "Show more" for the rest), a time bar (networktimebar.h) whose window is the shared selection's
// time range both ways, with a play button; beside it the churn chart of a campaign with its
// replacement median, and what is known of the clicked account. Double-click an account: every
// view narrows to its campaign and active days. The graph and every layout are built on the job
// pool; the GUI thread only draws.

#include "networkgraph.h"
#include "networklayout.h"
#include "viewstate.h"

#include <QWidget>

#include <array>
#include <deque>
#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTimer;
class QToolButton;

namespace hs {

class JobSlot;
class LazyUpdate;
class NetworkCanvas;
class NetworkTimeBar;
class SelectionState;

class NetworkPage final : public QWidget, public ViewStatePart
{
    Q_OBJECT
public:
    static constexpr std::size_t kLoadStep = 5000;   // accounts laid out when a cluster opens, and per "Show more"
    static constexpr std::size_t kAutoOpen = 300;    // clusters this small open by themselves

    explicit NetworkPage(SelectionState* selection, QWidget* parent = nullptr);
    static QString kindTitle(LinkKind kind); // "Payment", "IP", "/24", ...
    void setResults(std::shared_ptr<const Investigation> inv);

    NetworkCanvas* canvas() const { return m_canvas; }
    NetworkTimeBar* timeBar() const { return m_timeBar; }
    QPlainTextEdit* details() const { return m_details; }
    QString statusText() const; // counts, then what the selection does not narrow (if anything)
    QCustomPlot* churnPlot() const { return m_churn; }
    QCheckBox* kindToggle(LinkKind kind) const { return m_kindBoxes[std::size_t(kind)]; }
    std::shared_ptr<const NetworkGraph> graph() const { return m_graph; }
    bool isBusy() const; // a graph or a layout is being computed
    // Opens or closes a cluster (its layout is computed first when needed), or shows more of it.
    void toggleCluster(std::uint32_t cluster);
    void showMore(std::uint32_t cluster, std::size_t accounts = 0); // 0: the load step
    std::size_t loadLimit(std::uint32_t cluster) const;
    std::size_t autoOpen() const; // clusters this small open by themselves
    void setPlaying(bool on);
    void setLoadStep(std::size_t accounts) { m_loadStep = accounts; } // tests: a small load limit
    bool saveImage(const QString& path);
    // Presentation: open the cluster with this evidence id whole, the time window on its first
    // frame (once its graph is built, if it is not yet; nullopt forgets a cluster still waiting
    // for its graph, so a slide left early cannot narrow the next slide's selection); stepTime()
    // moves the window's end a frame (a twelfth of the span) on or back, false when there is no
    // further frame that way.
    void presentCluster(std::optional<std::int64_t> clusterId);
    bool stepTime(int direction);
    void copyDetails() const;

    PageState viewState() const final;
    void restoreViewState(const PageState& state) final;
    void setPresenting(bool on) final;

Q_SIGNALS:
    void graphReady();   // a new graph is drawn (clusters closed)
    void layoutReady(std::uint32_t cluster);

private:
    void rebuildGraph();
    void onGraph(std::shared_ptr<const NetworkGraph> graph);
    void startLayout(std::uint32_t cluster, std::size_t limit);
    void runNextLayout();
    void onSelectionChanged();
    void applyRange();
    void showCounts();          // the status: accounts and clusters, and what the selection does not narrow
    void selectPendingAccount(); // m_selectAccount's node: its details, its cluster laid out far enough
    void onWindowChosen(std::int64_t from, std::int64_t to);
    void onNodeClicked(std::uint32_t node);
    void onNodeActivated(std::uint32_t node);
    void onClusterClicked(std::uint32_t cluster);
    void updateHighlight();
    void updateLegend();
    void updateChurn();
    void exportImage();

    SelectionState* m_selection;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const NetworkGraph> m_graph;
    std::vector<bool> m_graphGroups; // the selection's groups the graph was built for
    JobSlot* m_graphJob = nullptr;
    JobSlot* m_layoutJob = nullptr;
    LazyUpdate* m_lazy = nullptr;
    std::deque<std::pair<std::uint32_t, std::size_t>> m_pendingLayouts; // (cluster, limit)
    std::uint32_t m_layingOut = kNoIndex;
    std::map<std::uint32_t, std::size_t> m_limits;
    std::optional<std::int64_t> m_selectAccount; // account id to select once the graph is back

    NetworkCanvas* m_canvas = nullptr;
    NetworkTimeBar* m_timeBar = nullptr;
    QToolButton* m_play = nullptr;
    QTimer* m_playTimer = nullptr;
    std::array<QCheckBox*, kLinkKinds> m_kindBoxes{};
    QSpinBox* m_minDegree = nullptr;
    QComboBox* m_campaign = nullptr;
    QComboBox* m_linkKind = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_more = nullptr;
    QWidget* m_controls = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_scope = nullptr; // what the selection does not narrow here, when it says something
    QComboBox* m_churnCampaign = nullptr;
    QCustomPlot* m_churn = nullptr;
    QLabel* m_median = nullptr;
    QPlainTextEdit* m_details = nullptr;
    QSplitter* m_split = nullptr;
    bool m_presenting = false;
    std::size_t m_loadStep = kLoadStep;
    std::optional<std::int64_t> m_presentCluster;
    void applyPresentCluster();
};

} // namespace hs
