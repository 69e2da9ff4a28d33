// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkcanvas.h"

#include "networkcanvasstyle.h"
#include "palette.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QResizeEvent>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace hs {
namespace {

using namespace networkstyle;
const QPointF kNowhere(std::nan(""), std::nan(""));

} // namespace

QColor linkKindColor(LinkKind kind)
{
    static const QColor colors[kLinkKinds] = {QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0x56, 0xB4, 0xE9),
                                              QColor(0x99, 0x99, 0x99), QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7)};
    return colors[std::size_t(kind)];
}

NetworkCanvas::NetworkCanvas(QWidget* parent) : QWidget(parent)
{
    m_kinds.fill(true);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(240, 180);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_sharpen = new QTimer(this);
    m_sharpen->setSingleShot(true);
    m_sharpen->setInterval(150);
    connect(m_sharpen, &QTimer::timeout, this, [this] {
        m_cacheValid = false;
        update();
    });
}

void NetworkCanvas::sharpen()
{
    m_sharpen->stop();
    m_cacheValid = false;
    repaint();
}

void NetworkCanvas::setPresenting(bool on)
{
    m_presenting = on;
    m_cacheValid = false;
    update();
}

void NetworkCanvas::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_cacheValid = false; // the theme: the drawing's colours
}

void NetworkCanvas::setGraph(std::shared_ptr<const Investigation> inv, std::shared_ptr<const NetworkGraph> graph)
{
    m_inv = std::move(inv);
    m_graph = std::move(graph);
    m_layouts.clear();
    m_open.assign(m_graph ? m_graph->clusters.size() : 0, false);
    m_selected.reset();
    m_selectedCluster.reset();
    placeClusters();
    rebuild();
    fitAll();
}

void NetworkCanvas::setLayout(std::shared_ptr<const ClusterLayout> layout)
{
    if (!m_graph || !layout || layout->cluster >= m_graph->clusters.size())
        return;
    m_open[layout->cluster] = true;
    m_layouts[layout->cluster] = std::move(layout);
    rebuild();
}

std::shared_ptr<const ClusterLayout> NetworkCanvas::layoutOf(std::uint32_t cluster) const
{
    const auto it = m_layouts.find(cluster);
    return it == m_layouts.end() ? nullptr : it->second;
}

void NetworkCanvas::setOpen(std::uint32_t cluster, bool open)
{
    if (cluster >= m_open.size() || m_open[cluster] == open)
        return;
    m_open[cluster] = open;
    if (!open && m_selected && m_graph->nodes[*m_selected].cluster == cluster)
        m_selected.reset();
    rebuild();
}

bool NetworkCanvas::isOpen(std::uint32_t cluster) const { return cluster < m_open.size() && m_open[cluster]; }

void NetworkCanvas::setKindShown(LinkKind kind, bool shown)
{
    m_kinds[std::size_t(kind)] = shown;
    rebuild();
}

void NetworkCanvas::setWindow(std::int64_t from, std::int64_t to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    rebuild();
}

void NetworkCanvas::setHighlight(std::uint32_t minDegree, std::uint32_t group, std::optional<LinkKind> kind)
{
    m_minDegree = minDegree;
    m_group = group;
    m_kind = kind;
    rebuild();
}

bool NetworkCanvas::matches(std::uint32_t node) const
{
    const NetworkNode& n = m_graph->nodes[node];
    if (m_group != kNoIndex && n.group != m_group)
        return false;
    if (m_kind && n.links[std::size_t(*m_kind)] == 0)
        return false;
    std::uint32_t degree = 0;
    for (int k = 0; k < kLinkKinds; ++k)
        degree += m_kinds[std::size_t(k)] ? n.links[std::size_t(k)] : 0;
    return degree >= m_minDegree;
}

void NetworkCanvas::placeClusters()
{
    m_centres.clear();
    m_radii.clear();
    if (!m_graph)
        return;
    // Shelves, largest first, each disc as large as the open cluster: opening one never moves another.
    double area = 0;
    for (const NetworkCluster& c : m_graph->clusters) {
        m_radii.push_back(discRadius(c.nodes.size()));
        area += std::pow(2 * m_radii.back() + kGap, 2);
    }
    const double width = std::max(m_radii.empty() ? 0.0 : 2 * m_radii.front() + kGap, std::sqrt(area) * 1.3);
    double x = 0, y = 0, rowHeight = 0;
    for (const double r : m_radii) {
        const double d = 2 * r + kGap;
        if (x > 0 && x + d > width) {
            x = 0;
            y += rowHeight;
            rowHeight = 0;
        }
        m_centres.emplace_back(x + d / 2, y + d / 2);
        x += d;
        rowHeight = std::max(rowHeight, d);
    }
}

QPointF NetworkCanvas::worldOf(std::uint32_t node) const
{
    return node < m_nodeWorld.size() ? m_nodeWorld[node] : kNowhere;
}

QColor NetworkCanvas::nodeColor(std::uint32_t group) const
{
    return m_inv && group == m_inv->baselineGroup() ? baselineColor(palette().color(QPalette::Base).lightness() < 128)
                                                    : seriesColor(group);
}

void NetworkCanvas::rebuild()
{
    m_cacheValid = false;
    m_nodeWorld.assign(m_graph ? m_graph->nodes.size() : 0, kNowhere);
    for (auto& l : m_lines)
        l.clear();
    m_clusterLines.clear();
    m_arrows.clear();
    m_nodes.clear();
    m_faded.clear();
    m_dimmed.clear();
    m_banned.clear();
    if (!m_graph) {
        update();
        return;
    }
    const NetworkGraph& g = *m_graph;
    std::vector<bool> hidden(g.nodes.size(), false);
    std::map<std::uint32_t, std::size_t> batchOf;
    auto batch = [&](std::vector<Batch>& list, std::uint32_t group, int alpha) -> std::vector<QPointF>& {
        const std::uint32_t key = group * 4 + std::uint32_t(&list == &m_nodes ? 0 : &list == &m_faded ? 1 : 2);
        auto it = batchOf.find(key);
        if (it == batchOf.end()) {
            QColor c = nodeColor(group);
            c.setAlpha(alpha);
            list.push_back({c, {}});
            it = batchOf.emplace(key, list.size() - 1).first;
        }
        return list[it->second].points;
    };
    for (const auto& [cluster, layout] : m_layouts) {
        if (!isOpen(cluster))
            continue;
        const double f = (m_radii[cluster] - 4) / std::max(1.0f, layout->radius);
        for (std::size_t i = 0; i < layout->nodes.size(); ++i) {
            const std::uint32_t n = layout->nodes[i];
            const NetworkNode& node = g.nodes[n];
            if (node.seen && node.first >= m_to) {
                hidden[n] = true; // not yet seen in the window
                continue;
            }
            const QPointF p = m_centres[cluster] + QPointF(layout->x[i] * f, layout->y[i] * f);
            m_nodeWorld[n] = p;
            const bool faded = !node.seen || node.last < m_from;
            if (!matches(n))
                batch(m_dimmed, node.group, 45).push_back(p);
            else if (faded)
                batch(m_faded, node.group, 80).push_back(p);
            else
                batch(m_nodes, node.group, 255).push_back(p);
            if (node.bannedAt && *node.bannedAt < m_to)
                m_banned.push_back(p);
        }
    }
    for (const NetworkEdge& e : g.edges) {
        if (!m_kinds[std::size_t(e.kind)])
            continue;
        const QPointF a = m_nodeWorld[e.a], b = m_nodeWorld[e.b];
        if (drawn(a) && drawn(b))
            m_lines[std::size_t(e.kind)].emplace_back(a, b);
    }
    for (const ClusterLink& l : g.clusterLinks)
        if (m_kinds[std::size_t(l.kind)] && (!isOpen(l.a) || !isOpen(l.b)))
            m_clusterLines.emplace_back(m_centres[l.a], m_centres[l.b]);
    for (const NetworkArrow& a : g.arrows) {
        const QPointF from = m_nodeWorld[a.from], to = m_nodeWorld[a.to];
        if (drawn(from) && drawn(to))
            m_arrows.emplace_back(from, to);
    }
    update();
}

QTransform NetworkCanvas::transform() const
{
    QTransform t;
    t.translate(width() / 2.0, height() / 2.0);
    t.scale(m_scale, m_scale);
    t.translate(-m_centre.x(), -m_centre.y());
    return t;
}

std::size_t NetworkCanvas::drawnNodes() const
{
    std::size_t n = 0;
    for (const auto* list : {&m_nodes, &m_faded, &m_dimmed})
        for (const Batch& b : *list)
            n += b.points.size();
    return n;
}

void NetworkCanvas::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (event->oldSize().isEmpty() || event->oldSize().width() <= 0)
        fitAll();
}

void NetworkCanvas::fitAll()
{
    if (m_centres.empty()) {
        m_scale = 1;
        m_centre = {};
        update();
        return;
    }
    QRectF box;
    for (std::size_t c = 0; c < m_centres.size(); ++c)
        box |= QRectF(m_centres[c] - QPointF(m_radii[c], m_radii[c]), QSizeF(2 * m_radii[c], 2 * m_radii[c]));
    // The margins in pixels, not graph units: room for the names above open clusters and the
    // two lines under closed ones, however small the graph is.
    const double text = QFontMetricsF(font()).height();
    const double above = 2 * text, below = 3 * text, side = 2 * text;
    m_scale = std::max(1e-3, std::min((width() - 2 * side) / std::max(1.0, box.width()),
                                      (height() - above - below) / std::max(1.0, box.height())));
    m_centre = box.center() + QPointF(0, (below - above) / 2 / m_scale);
    update();
    Q_EMIT viewChanged();
}

void NetworkCanvas::zoomBy(double factor, QPointF around)
{
    const QPointF before = transform().inverted().map(around);
    m_scale = std::clamp(m_scale * factor, 1e-3, 200.0);
    const QPointF after = transform().inverted().map(around);
    m_centre += before - after;
    update();
    Q_EMIT viewChanged();
}

void NetworkCanvas::panBy(QPointF pixels)
{
    m_centre -= pixels / m_scale;
    update();
    Q_EMIT viewChanged();
}

QPointF NetworkCanvas::toScreen(std::uint32_t node) const
{
    const QPointF w = worldOf(node);
    return drawn(w) ? transform().map(w) : QPointF(-1, -1);
}

QPointF NetworkCanvas::clusterCentre(std::uint32_t cluster) const
{
    return cluster < m_centres.size() ? transform().map(m_centres[cluster]) : QPointF(-1, -1);
}

std::optional<std::uint32_t> NetworkCanvas::nodeAt(QPointF screen) const
{
    const QPointF w = transform().inverted().map(screen);
    const double limit = std::max(kPickRadius, nodeSize(m_scale) / 2) / m_scale;
    double best = limit * limit;
    std::optional<std::uint32_t> found;
    for (std::uint32_t n = 0; n < m_nodeWorld.size(); ++n) {
        const QPointF p = m_nodeWorld[n];
        if (!drawn(p))
            continue;
        const double dx = p.x() - w.x(), dy = p.y() - w.y(), d = dx * dx + dy * dy;
        if (d <= best) {
            best = d;
            found = n;
        }
    }
    return found;
}

std::optional<std::uint32_t> NetworkCanvas::clusterAt(QPointF screen) const
{
    const QPointF w = transform().inverted().map(screen);
    for (std::uint32_t c = 0; c < m_centres.size(); ++c) {
        const double r = isOpen(c) ? m_radii[c] : std::max(10.0 / m_scale, m_radii[c] * 0.45);
        if (QLineF(w, m_centres[c]).length() <= r)
            return c;
    }
    return std::nullopt;
}

void NetworkCanvas::selectNode(std::optional<std::uint32_t> node)
{
    m_selected = node;
    if (node) {
        m_selectedCluster = m_graph->nodes[*node].cluster;
        m_cacheValid = false; // its cluster's ring
        const QPointF s = toScreen(*node);
        if (s.x() >= 0 && !QRectF(rect()).adjusted(30, 30, -30, -30).contains(s))
            panBy(QPointF(width() / 2.0, height() / 2.0) - s);
    }
    update();
}

void NetworkCanvas::selectCluster(std::optional<std::uint32_t> cluster)
{
    m_selectedCluster = cluster;
    m_cacheValid = false; // its disc's ring
    m_selected.reset();
    if (cluster) {
        const QPointF s = clusterCentre(*cluster);
        if (!QRectF(rect()).contains(s))
            panBy(QPointF(width() / 2.0, height() / 2.0) - s);
    }
    update();
}

QVariantList NetworkCanvas::viewValues() const { return {m_scale, m_centre.x(), m_centre.y()}; }

void NetworkCanvas::restoreViewValues(const QVariantList& values)
{
    if (values.size() < 3)
        return;
    m_scale = std::clamp(values[0].toDouble(), 1e-3, 200.0);
    m_centre = QPointF(values[1].toDouble(), values[2].toDouble());
    update();
}

} // namespace hs
