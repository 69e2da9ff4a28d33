// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkCanvas's paint: the prepared batches through the view's transform (networkcanvas.h).
#include "networkcanvas.h"

#include "displaytext.h"
#include "networkcanvasstyle.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace hs {

using namespace networkstyle;

void NetworkCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_graph || m_graph->nodes.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No accounts in the selection"));
        return;
    }
    const std::size_t count = drawnNodes();
    const bool cheap = count > kCheapNodes;
    p.setRenderHint(QPainter::Antialiasing, !cheap);
    const QTransform t = transform();
    const double line = m_presenting ? 2 : 1;
    // Discs of the clusters first, under everything.
    const QColor text = pal.color(QPalette::Text);
    QColor disc = text;
    disc.setAlpha(18);
    for (std::size_t c = 0; c < m_centres.size(); ++c) {
        if (!isOpen(std::uint32_t(c)))
            continue;
        const QPointF centre = t.map(m_centres[c]);
        const double r = m_radii[c] * m_scale;
        p.setPen(QPen(m_selectedCluster == c ? pal.color(QPalette::Highlight) : disc, line));
        p.setBrush(disc);
        p.drawEllipse(centre, r, r);
    }
    p.setBrush(Qt::NoBrush);
    p.setTransform(t);
    for (int k = 0; k < kLinkKinds; ++k) {
        const auto& lines = m_lines[std::size_t(k)];
        if (lines.empty())
            continue;
        QColor c = linkKindColor(LinkKind(k));
        c.setAlpha(lines.size() > 5000 ? 40 : 110);
        QPen pen(c, line);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawLines(lines.data(), int(lines.size()));
    }
    {
        QColor c = text;
        c.setAlpha(90);
        QPen pen(c, 2 * line);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawLines(m_clusterLines.data(), int(m_clusterLines.size()));
    }
    const double size = nodeSize(m_scale) * (m_presenting ? 1.5 : 1);
    const QColor bannedColor(0xC0, 0x10, 0x10);
    if (!m_banned.empty()) {
        QPen pen(bannedColor, size + 4, Qt::SolidLine, Qt::RoundCap);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPoints(m_banned.data(), int(m_banned.size()));
    }
    for (const auto* list : {&m_dimmed, &m_faded, &m_nodes})
        for (const Batch& b : *list) {
            QPen pen(b.color, size, Qt::SolidLine, cheap ? Qt::SquareCap : Qt::RoundCap);
            pen.setCosmetic(true);
            p.setPen(pen);
            p.drawPoints(b.points.data(), int(b.points.size()));
        }
    // Replacement arrows: the shaft in graph units, the head in pixels.
    p.resetTransform();
    if (!m_arrows.empty()) {
        QPen pen(bannedColor, 1.5 * line);
        p.setPen(pen);
        const QRectF view = QRectF(rect()).adjusted(-20, -20, 20, 20);
        QPainterPath heads;
        for (const QLineF& w : m_arrows) {
            const QLineF s(t.map(w.p1()), t.map(w.p2()));
            if (!view.contains(s.p1()) && !view.contains(s.p2()))
                continue;
            p.drawLine(s);
            if (s.length() < 2 * size)
                continue;
            const QLineF back(s.p2(), s.p1());
            QLineF unit = back.unitVector();
            const QPointF tip = s.p2() + (unit.p2() - unit.p1()) * (size / 2 + 1);
            QLineF side(tip, tip + (unit.p2() - unit.p1()) * 8);
            side.setAngle(back.angle() + 25);
            QLineF other(tip, tip + (unit.p2() - unit.p1()) * 8);
            other.setAngle(back.angle() - 25);
            heads.moveTo(side.p2());
            heads.lineTo(tip);
            heads.lineTo(other.p2());
        }
        p.drawPath(heads);
    }
    // Closed clusters: one node with its counts.
    const QLocale locale;
    QFont bold = font();
    bold.setBold(true);
    for (std::size_t c = 0; c < m_centres.size(); ++c) {
        const NetworkCluster& cluster = m_graph->clusters[c];
        const QPointF centre = t.map(m_centres[c]);
        const QString name = cluster.cluster == kNoIndex ? tr("No cluster") : shownEvidence(m_inv->clusters[cluster.cluster].name, 80);
        if (isOpen(std::uint32_t(c))) {
            p.setPen(text);
            p.setFont(bold);
            p.drawText(QPointF(centre.x() - m_radii[c] * m_scale * 0.7, centre.y() - m_radii[c] * m_scale - 4), name);
            continue;
        }
        const double r = std::max(10.0, m_radii[c] * m_scale * 0.45);
        const std::uint32_t group = cluster.groups.empty() ? 0 : cluster.groups.front().first;
        QColor fill = nodeColor(group);
        fill.setAlpha(170);
        p.setPen(QPen(m_selectedCluster == c ? pal.color(QPalette::Highlight) : text, m_selectedCluster == c ? 3 : 1));
        p.setBrush(fill);
        p.drawEllipse(centre, r, r);
        p.setBrush(Qt::NoBrush);
        p.setPen(text);
        p.setFont(bold);
        const QRectF box(centre.x() - 160, centre.y() + r + 2, 320, 60);
        p.drawText(box, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                   tr("%1\n%2 accounts · %3 banned · %4 replaced")
                       .arg(name, locale.toString(qulonglong(cluster.nodes.size())), locale.toString(cluster.banned),
                            locale.toString(cluster.replaced)));
    }
    p.setFont(font());
    // Labels: the selected node, and every node in view when few are.
    std::vector<std::uint32_t> labelled;
    if (count <= kLabelLimit * 20) {
        const QRectF view(rect());
        for (std::uint32_t n = 0; n < m_nodeWorld.size() && labelled.size() <= kLabelLimit; ++n)
            if (drawn(m_nodeWorld[n]) && view.contains(t.map(m_nodeWorld[n])))
                labelled.push_back(n);
        if (labelled.size() > kLabelLimit)
            labelled.clear();
    }
    if (m_selected && drawn(m_nodeWorld[*m_selected]))
        labelled.push_back(*m_selected);
    for (const std::uint32_t n : labelled) {
        const QPointF s = t.map(m_nodeWorld[n]);
        const bool selected = m_selected == n;
        if (selected) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 3));
            p.drawEllipse(s, size / 2 + 5, size / 2 + 5);
        }
        p.setPen(text);
        p.setFont(selected ? bold : font());
        p.drawText(s + QPointF(size / 2 + 4, 4), shownEvidence(m_inv->accounts[m_graph->nodes[n].account].externalRef, 60));
    }
}

} // namespace hs
