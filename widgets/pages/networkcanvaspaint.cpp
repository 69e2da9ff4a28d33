// SPDX-License-Identifier: GPL-3.0-or-later
// NetworkCanvas's paint: the prepared batches through the view's transform (networkcanvas.h).
#include "networkcanvas.h"

#include "displaytext.h"
#include "networkcanvasstyle.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPaintEngine>
#include <QPainterPath>
#include <QSemaphore>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace hs {

using namespace networkstyle;

void NetworkCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    if (!m_graph || m_graph->nodes.empty()) {
        p.fillRect(rect(), pal.color(QPalette::Base));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No accounts in the selection"));
        return;
    }
    const QTransform t = transform();
    if (p.paintEngine()->type() != QPaintEngine::Raster) { // an SVG or PDF export: lines, not pixels
        paintGraph(p, t);
        paintText(p, t);
        return;
    }
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (!m_cacheValid || m_cache.size() != pixels) {
        if (m_cache.size() != pixels) // opaque: no alpha to blend into
            m_cache = QImage(pixels, QImage::Format_RGB32);
        m_cache.setDevicePixelRatio(dpr);
        // Drawn on a thread of Qt's global pool while this one waits. Qt 6.4's raster engine
        // hands every large batch of spans to that pool in parts, unless it already runs on it;
        // at 111,000 links that is thousands of hand-offs between the two cores, and the drawing
        // took 60 ms instead of 25 ms (bench_network, full scale; 25 ms pinned to one core).
        QSemaphore drawn;
        QThreadPool::globalInstance()->start([this, &t, &drawn] {
            QPainter c(&m_cache);
            paintGraph(c, t);
            c.end();
            drawn.release();
        });
        drawn.acquire();
        m_cacheTransform = t;
        m_cacheValid = true;
    }
    if (m_cacheTransform == t) {
        p.drawImage(0, 0, m_cache);
    } else {
        // Panned or zoomed since the drawing: the drawing moved and scaled at once (a frame in a
        // few milliseconds at any size), drawn sharp again once the view rests (m_sharpen).
        p.fillRect(rect(), pal.color(QPalette::Base));
        p.setTransform(m_cacheTransform.inverted() * t);
        p.drawImage(0, 0, m_cache);
        p.resetTransform();
        m_sharpen->start();
    }
    paintText(p, t);
}

// Everything but the text: discs, links, nodes, bans and replacement arrows (kept in m_cache).
void NetworkCanvas::paintGraph(QPainter& p, const QTransform& t) const
{
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const std::size_t count = drawnNodes();
    const bool cheap = count > kCheapNodes;
    p.setRenderHint(QPainter::Antialiasing, !cheap);
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
}

// The text and the closed clusters, over the drawing, every paint (they keep their size in pixels).
void NetworkCanvas::paintText(QPainter& p, const QTransform& t)
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const std::size_t count = drawnNodes();
    p.setRenderHint(QPainter::Antialiasing, count <= kCheapNodes);
    const double size = nodeSize(m_scale) * (m_presenting ? 1.5 : 1);
    // Text last, placed greedily so that nothing written overlaps: the selected account first,
    // then the clusters' names (elided to their disc), then the accounts in view when few are.
    // What does not fit is left out; the side panel and the tooltip say it in full.
    // Each on a veil of the background, so that links running under it do not cross it out.
    std::vector<QRectF> taken;
    QColor veil = pal.color(QPalette::Base);
    veil.setAlpha(200);
    auto place = [&taken, &p, veil](const QRectF& box) {
        for (const QRectF& other : taken)
            if (other.intersects(box))
                return false;
        taken.push_back(box);
        p.fillRect(box, veil);
        return true;
    };
    const QFontMetricsF plain(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF strong(bold);
    auto accountLabel = [&](std::uint32_t n, bool selected) {
        const QPointF s = t.map(m_nodeWorld[n]);
        const QString ref = shownEvidence(m_inv->accounts[m_graph->nodes[n].account].externalRef, 60);
        const QFontMetricsF& m = selected ? strong : plain;
        const QRectF box(s.x() + size / 2 + 4, s.y() - m.ascent() / 2 - 1, m.horizontalAdvance(ref) + 2, m.height());
        if (!place(box) && !selected)
            return;
        if (selected) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 3));
            p.drawEllipse(s, size / 2 + 5, size / 2 + 5);
        }
        p.setPen(text);
        p.setFont(selected ? bold : font());
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, ref);
    };
    if (m_selected && drawn(m_nodeWorld[*m_selected]))
        accountLabel(*m_selected, true);

    // Closed clusters' nodes first, kept clear of every label; then the names.
    const QLocale locale;
    auto closedRadius = [this](std::size_t c) { return std::max(10.0, m_radii[c] * m_scale * 0.45); };
    for (std::size_t c = 0; c < m_centres.size(); ++c) {
        if (isOpen(std::uint32_t(c)))
            continue;
        const NetworkCluster& cluster = m_graph->clusters[c];
        const QPointF centre = t.map(m_centres[c]);
        const double r = closedRadius(c);
        const std::uint32_t group = cluster.groups.empty() ? 0 : cluster.groups.front().first;
        QColor fill = nodeColor(group);
        fill.setAlpha(170);
        p.setPen(QPen(m_selectedCluster == c ? pal.color(QPalette::Highlight) : text, m_selectedCluster == c ? 3 : 1));
        p.setBrush(fill);
        p.drawEllipse(centre, r, r);
        taken.emplace_back(centre.x() - r, centre.y() - r, 2 * r, 2 * r);
    }
    p.setBrush(Qt::NoBrush);
    for (std::size_t c = 0; c < m_centres.size(); ++c) {
        const NetworkCluster& cluster = m_graph->clusters[c];
        const QPointF centre = t.map(m_centres[c]);
        const QString name = cluster.cluster == kNoIndex ? tr("No cluster") : shownEvidence(m_inv->clusters[cluster.cluster].name, 80);
        const double discPx = m_radii[c] * m_scale;
        p.setPen(text);
        p.setFont(bold);
        // As wide as the gap to the neighbours allows, or else as wide as the disc.
        const double wide = std::max(2 * discPx + 1.6 * kGap * m_scale, 36.0 * plain.averageCharWidth());
        const double narrow = std::max(2 * discPx, 8.0 * strong.averageCharWidth());
        if (isOpen(std::uint32_t(c))) {
            for (const double room : {wide, narrow}) {
                const QString shown = strong.elidedText(name, Qt::ElideRight, room);
                const double w = strong.horizontalAdvance(shown) + 2;
                const QRectF box(centre.x() - w / 2, centre.y() - discPx - strong.height() - 2, w, strong.height());
                if (place(box)) {
                    p.drawText(box, Qt::AlignCenter, shown);
                    break;
                }
            }
            continue;
        }
        const double r = closedRadius(c);
        const QString counts = tr("%1 accounts · %2 banned · %3 replaced")
                                   .arg(locale.toString(qulonglong(cluster.nodes.size())), locale.toString(cluster.banned),
                                        locale.toString(cluster.replaced));
        // Below the node, else above, right or left of it; wide, else narrow.
        bool placed = false;
        for (const double room : {wide, narrow}) {
            const QString title = strong.elidedText(name, Qt::ElideRight, room);
            const QString second = plain.elidedText(counts, Qt::ElideRight, room);
            const double w = std::max(strong.horizontalAdvance(title), plain.horizontalAdvance(second)) + 2;
            const double h = strong.height() + plain.height();
            const QRectF boxes[] = {{centre.x() - w / 2, centre.y() + r + 2, w, h},
                                    {centre.x() - w / 2, centre.y() - r - 2 - h, w, h},
                                    {centre.x() + r + 4, centre.y() - h / 2, w, h},
                                    {centre.x() - r - 4 - w, centre.y() - h / 2, w, h}};
            for (const QRectF& box : boxes) {
                if (!place(box))
                    continue;
                p.setFont(bold);
                p.drawText(QRectF(box.topLeft(), QSizeF(w, strong.height())), Qt::AlignHCenter | Qt::AlignTop, title);
                p.setFont(font());
                p.drawText(QRectF(box.left(), box.top() + strong.height(), w, plain.height()), Qt::AlignHCenter | Qt::AlignTop, second);
                placed = true;
                break;
            }
            if (placed)
                break;
        }
    }
    p.setFont(font());
    if (count <= kLabelLimit * 20) {
        const QRectF view(rect());
        std::size_t inView = 0;
        for (std::uint32_t n = 0; n < m_nodeWorld.size() && inView <= kLabelLimit; ++n)
            inView += drawn(m_nodeWorld[n]) && view.contains(t.map(m_nodeWorld[n])) ? 1 : 0;
        for (std::uint32_t n = 0; inView <= kLabelLimit && n < m_nodeWorld.size(); ++n)
            if (m_selected != n && drawn(m_nodeWorld[n]) && view.contains(t.map(m_nodeWorld[n])))
                accountLabel(n, false);
    }
}

} // namespace hs
