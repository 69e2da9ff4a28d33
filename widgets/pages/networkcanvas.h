// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Network page's drawing: clusters as discs (closed: one node with its counts; open: its
// accounts where the layout put them, up to the cluster's load limit), links coloured by kind,
// replacements as arrows from the banned account to the one that replaced it. Nodes appear at
// their first exchange, fade after their last and are ringed once banned (the time window).
// Level of detail: what depends on the graph, the open clusters, the kinds shown and the time
// window is gathered once into per-colour batches in graph units; a paint only sets the view's
// transform and hands the batches to QPainter, and keeps that drawing as an image: a pan or zoom
// shows the image moved or scaled at once and draws it sharp again once the view has rested for
// 150 ms (docs/performance.md: pan/zoom redraw).

#include "networkgraph.h"
#include "networklayout.h"

#include <QImage>
#include <QTransform>
#include <QWidget>

#include <array>
#include <map>
#include <memory>
#include <optional>

class QTimer;

namespace hs {

QColor linkKindColor(LinkKind kind);

class NetworkCanvas final : public QWidget
{
    Q_OBJECT
public:
    explicit NetworkCanvas(QWidget* parent = nullptr);

    void setGraph(std::shared_ptr<const Investigation> inv, std::shared_ptr<const NetworkGraph> graph);
    const NetworkGraph* graph() const { return m_graph.get(); }
    // An open cluster's layout (replaces an earlier one of the same cluster); opens the cluster.
    void setLayout(std::shared_ptr<const ClusterLayout> layout);
    std::shared_ptr<const ClusterLayout> layoutOf(std::uint32_t cluster) const;
    void setOpen(std::uint32_t cluster, bool open);
    bool isOpen(std::uint32_t cluster) const;
    void setKindShown(LinkKind kind, bool shown);
    bool kindShown(LinkKind kind) const { return m_kinds[std::size_t(kind)]; }
    void setWindow(std::int64_t from, std::int64_t to); // [from, to), Unix seconds
    // Nodes that do not match are dimmed: at least `minDegree` links of the shown kinds, of
    // `group` (kNoIndex: any), with a link of `kind` (none: any).
    void setHighlight(std::uint32_t minDegree, std::uint32_t group, std::optional<LinkKind> kind);
    bool matches(std::uint32_t node) const;

    void selectNode(std::optional<std::uint32_t> node); // centres the view on it
    std::optional<std::uint32_t> selectedNode() const { return m_selected; }
    std::optional<std::uint32_t> selectedCluster() const { return m_selectedCluster; }
    void selectCluster(std::optional<std::uint32_t> cluster);
    void fitAll();
    void sharpen(); // the drawing anew, now (the view rested, or a benchmark asks)
    void zoomBy(double factor, QPointF around);
    void panBy(QPointF pixels);
    double zoom() const { return m_scale; }
    QPointF toScreen(std::uint32_t node) const; // where a drawn node is; (-1, -1) when not drawn
    QPointF clusterCentre(std::uint32_t cluster) const; // on screen
    std::size_t drawnNodes() const;
    std::size_t drawnLines(LinkKind kind) const { return m_lines[std::size_t(kind)].size(); }
    std::size_t drawnArrows() const { return m_arrows.size(); }
    std::size_t bannedMarks() const { return m_banned.size(); }
    // The drawn nodes in reading order (for keyboard stepping).
    std::vector<std::uint32_t> drawnOrder() const;

    QVariantList viewValues() const; // zoom and centre, for the saved view
    void restoreViewValues(const QVariantList& values);
    void setPresenting(bool on);

Q_SIGNALS:
    void nodeClicked(std::uint32_t node);
    void nodeActivated(std::uint32_t node);      // double-click or Enter
    void clusterClicked(std::uint32_t cluster);
    void clusterActivated(std::uint32_t cluster); // double-click or Enter on a cluster: open or close
    void viewChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Batch
    {
        QColor color;
        std::vector<QPointF> points;
    };
    void placeClusters();
    void rebuild(); // the batches
    void paintGraph(QPainter& p, const QTransform& t) const;
    void paintText(QPainter& p, const QTransform& t);
    QPointF worldOf(std::uint32_t node) const; // graph units; NaN when not drawn
    std::optional<std::uint32_t> nodeAt(QPointF screen) const;
    std::optional<std::uint32_t> clusterAt(QPointF screen) const;
    QTransform transform() const;
    QColor nodeColor(std::uint32_t group) const;
    void step(int direction);

    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const NetworkGraph> m_graph;
    std::map<std::uint32_t, std::shared_ptr<const ClusterLayout>> m_layouts;
    std::vector<bool> m_open;
    std::vector<QPointF> m_centres; // per cluster, graph units
    std::vector<double> m_radii;
    std::array<bool, kLinkKinds> m_kinds{};
    std::int64_t m_from = 0, m_to = 0;
    std::uint32_t m_minDegree = 0, m_group = kNoIndex;
    std::optional<LinkKind> m_kind;
    std::optional<std::uint32_t> m_selected, m_selectedCluster;

    // The batches, in graph units.
    std::vector<QPointF> m_nodeWorld;                 // per node; NaN when not drawn
    std::array<std::vector<QLineF>, kLinkKinds> m_lines;
    std::vector<QLineF> m_clusterLines;
    std::vector<QLineF> m_arrows;
    std::vector<Batch> m_nodes, m_faded, m_dimmed;
    std::vector<QPointF> m_banned;

    // The drawing under the text, kept while only the view moves (networkcanvaspaint.cpp).
    QImage m_cache;
    QTransform m_cacheTransform;
    bool m_cacheValid = false;
    QTimer* m_sharpen = nullptr;
    double m_scale = 1;
    QPointF m_centre; // graph units at the widget's centre
    QPointF m_dragFrom;
    bool m_dragging = false, m_moved = false, m_presenting = false;
};

} // namespace hs
