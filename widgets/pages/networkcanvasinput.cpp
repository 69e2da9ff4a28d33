// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkCanvas's mouse and keyboard: click, double-click, drag to pan, wheel to zoom, and the keys
// (networkcanvas.h).
#include "networkcanvas.h"

#include "networkcanvasstyle.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace hs {

using networkstyle::drawn;

void NetworkCanvas::mousePressEvent(QMouseEvent* event)
{
    m_dragFrom = event->position();
    m_dragging = event->button() == Qt::LeftButton;
    m_moved = false;
}

void NetworkCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging)
        return;
    const QPointF delta = event->position() - m_dragFrom;
    if (!m_moved && delta.manhattanLength() < 4)
        return;
    m_moved = true;
    m_dragFrom = event->position();
    panBy(delta);
}

void NetworkCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging || m_moved || !m_graph) {
        m_dragging = false;
        return;
    }
    m_dragging = false;
    if (const auto node = nodeAt(event->position())) {
        selectNode(node);
        Q_EMIT nodeClicked(*node);
    } else if (const auto cluster = clusterAt(event->position())) {
        selectCluster(cluster);
        Q_EMIT clusterClicked(*cluster);
    }
}

void NetworkCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (!m_graph)
        return;
    if (const auto node = nodeAt(event->position()))
        Q_EMIT nodeActivated(*node);
    else if (const auto cluster = clusterAt(event->position()))
        Q_EMIT clusterActivated(*cluster);
}

void NetworkCanvas::wheelEvent(QWheelEvent* event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()), event->position());
}

std::vector<std::uint32_t> NetworkCanvas::drawnOrder() const
{
    std::vector<std::uint32_t> out;
    if (!m_graph)
        return out;
    for (const NetworkCluster& c : m_graph->clusters)
        for (const std::uint32_t n : c.nodes)
            if (drawn(m_nodeWorld[n]))
                out.push_back(n);
    return out;
}

// N and P: from a selected account to the next drawn one; from a selected open cluster into its
// first account; otherwise from cluster to cluster.
void NetworkCanvas::step(int direction)
{
    const std::vector<std::uint32_t> order = drawnOrder();
    std::optional<std::uint32_t> next;
    if (m_selected) {
        const auto it = std::find(order.begin(), order.end(), *m_selected);
        if (it != order.end())
            next = order[(std::size_t(it - order.begin()) + order.size() + std::size_t(direction)) % order.size()];
    } else if (m_selectedCluster && isOpen(*m_selectedCluster)) {
        for (const std::uint32_t n : order)
            if (m_graph->nodes[n].cluster == *m_selectedCluster) {
                next = n;
                break;
            }
    }
    if (next) {
        selectNode(*next);
        Q_EMIT nodeClicked(*next);
        return;
    }
    if (m_centres.empty())
        return;
    const std::size_t n = m_centres.size();
    const std::size_t i = m_selectedCluster ? (*m_selectedCluster + n + std::size_t(direction)) % n : 0;
    selectCluster(std::uint32_t(i));
    Q_EMIT clusterClicked(std::uint32_t(i));
}

void NetworkCanvas::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left: panBy({40, 0}); break;
    case Qt::Key_Right: panBy({-40, 0}); break;
    case Qt::Key_Up: panBy({0, 40}); break;
    case Qt::Key_Down: panBy({0, -40}); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25, rect().center()); break;
    case Qt::Key_Minus: zoomBy(0.8, rect().center()); break;
    case Qt::Key_0: fitAll(); break;
    case Qt::Key_N:
    case Qt::Key_BracketRight: step(1); break;
    case Qt::Key_P:
    case Qt::Key_BracketLeft: step(-1); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected)
            Q_EMIT nodeActivated(*m_selected);
        else if (m_selectedCluster)
            Q_EMIT clusterActivated(*m_selectedCluster);
        break;
    case Qt::Key_Space:
        if (m_selectedCluster)
            Q_EMIT clusterActivated(*m_selectedCluster);
        break;
    case Qt::Key_Escape:
        m_selected.reset();
        m_selectedCluster.reset();
        m_cacheValid = false; // the cluster's ring
        update();
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace hs
