// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpages.h"

#include "displaytext.h"
#include "qcustomplotshim.h"
#include "theme.h"

#include <QPagedPaintDevice>
#include <QTextLayout>

#include <algorithm>
#include <numeric>

namespace hs {
namespace {
const QColor kGrey(0x55, 0x55, 0x55);
const QColor kBanner(0xA0, 0x10, 0x10);
const QColor kRule(0xBB, 0xBB, 0xBB);
} // namespace

ReportPages::ReportPages(QPagedPaintDevice* writer, QCPPainter* painter, const ReportContent& content, int totalPages)
    : m_writer(writer), m_painter(painter), m_content(content), m_total(totalPages)
{
    m_page_rect = QRectF(0, 0, writer->width(), writer->height());
    m_body = m_page_rect.adjusted(pt(50), pt(62), -pt(50), -pt(58));
    m_y = m_body.top();
    decorate();
}

// DejaVu first, then the Noto families for every script the evidence may be written in: Qt takes
// a glyph from the first family that has it, and the PDF embeds the subset of each font it used.
QStringList ReportPages::fallbackFamilies() { return scriptFallbackFamilies(); }

QFont ReportPages::bodyFont() const
{
    QFont f;
    f.setFamilies(QStringList{QStringLiteral("DejaVu Sans")} + fallbackFamilies());
    f.setPointSizeF(9.5);
    // No ligatures in Latin text: the text layer must copy and search as written ("fi", not U+FB01).
    // Scripts that need shaping are still shaped.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

QFont ReportPages::smallFont() const
{
    QFont f = bodyFont();
    f.setPointSizeF(7.5);
    return f;
}

QFont ReportPages::monoFont() const
{
    QFont f;
    f.setFamilies(QStringList{QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Noto Sans Mono CJK SC")} + fallbackFamilies());
    f.setPointSizeF(8);
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

void ReportPages::decorate()
{
    QPainter* p = m_painter;
    p->save();
    const double top = pt(28), bottom = m_page_rect.height() - pt(40);
    const QRectF head(m_body.left(), top, m_body.width(), pt(16));
    const QRectF foot(m_body.left(), bottom, m_body.width(), pt(16));
    QFont banner = bodyFont();
    banner.setBold(true);
    banner.setPointSizeF(8.5);
    p->setFont(banner);
    p->setPen(kBanner);
    for (const QRectF& r : {head, foot})
        p->drawText(r, Qt::AlignHCenter | Qt::AlignVCenter, m_content.classification);
    p->setFont(smallFont());
    p->setPen(kGrey);
    const QFontMetricsF fm(smallFont(), m_writer);
    // The title may use the whole left side up to the centred banner.
    const double side = (m_body.width() - QFontMetricsF(banner, m_writer).horizontalAdvance(m_content.classification)) / 2 - pt(12);
    p->drawText(head, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(plainMarkers(m_content.title), Qt::ElideRight, side));
    p->drawText(head, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("Hydrascope case report"));
    p->drawText(foot, Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("Redaction: ") + m_content.profile);
    p->drawText(foot, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("page %1 of %2").arg(m_page).arg(m_total));
    p->setPen(QPen(kRule, pt(0.5)));
    p->drawLine(QPointF(m_body.left(), head.bottom() + pt(2)), QPointF(m_body.right(), head.bottom() + pt(2)));
    p->drawLine(QPointF(m_body.left(), foot.top() - pt(2)), QPointF(m_body.right(), foot.top() - pt(2)));
    p->restore();
}

void ReportPages::newPage()
{
    m_writer->newPage();
    ++m_page;
    m_y = m_body.top();
    decorate();
}

void ReportPages::ensure(double height)
{
    if (m_y + height > m_body.bottom() && m_y > m_body.top())
        newPage();
}

double ReportPages::textHeight(const QString& text, const QFont& font, double width) const
{
    return layOut(text, font, QRectF(0, 0, width, 0), Qt::AlignLeft, false);
}

double ReportPages::drawText(const QRectF& rect, const QString& text, const QFont& font, Qt::Alignment align) const
{
    return layOut(text, font, rect, align, true);
}

namespace {

// Text for a QTextLayout: line breaks as Unicode line separators, markers for hidden characters
// (reportcontent.h visibleText) drawn dark red on pale red, so that they read as ours.
struct LayoutText
{
    QString text;
    QList<QTextLayout::FormatRange> formats;
};

LayoutText layoutText(const QString& content)
{
    const MarkedText marked = takeInlineMarkers(content);
    LayoutText out{marked.text, {}};
    out.text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    for (const InvisibleMarker& m : marked.markers) {
        QTextLayout::FormatRange r;
        r.start = int(m.start);
        r.length = int(m.length);
        r.format.setForeground(QColor(0x8A, 0x1C, 0x1C));
        r.format.setBackground(QColor(0xF6, 0xDA, 0xDA));
        out.formats.append(r);
    }
    return out;
}

// Breaks `layout` into lines of `width`: at words, or anywhere inside a word wider than the line
// (hashes, long refs), so text is never clipped. Returns the height.
double lineUp(QTextLayout& layout, double width, Qt::Alignment align)
{
    QTextOption option(align);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return y;
}

} // namespace

// One QTextLayout both measures and draws, so a row is exactly as tall as its text.
double ReportPages::layOut(const QString& text, const QFont& font, const QRectF& rect, Qt::Alignment align, bool draw) const
{
    const LayoutText t = layoutText(text);
    QTextLayout layout(t.text, font, m_writer);
    layout.setFormats(t.formats);
    const double height = lineUp(layout, rect.width(), align);
    if (draw)
        layout.draw(m_painter, rect.topLeft());
    return height;
}

void ReportPages::heading(const QString& text, int level)
{
    QFont f = bodyFont();
    f.setBold(true);
    f.setPointSizeF(level == 1 ? 16 : 12);
    const double h = textHeight(text, f, width());
    ensure(h + pt(level == 1 ? 14 : 60)); // keep a heading with what follows it
    m_y += pt(level == 1 ? 0 : 6);
    m_painter->setPen(QColor(0x10, 0x2A, 0x4C));
    drawText(QRectF(left(), m_y, width(), h), text, f);
    m_y += h + pt(level == 1 ? 10 : 5);
}

void ReportPages::paragraph(const QString& text, const QFont& font, QColor color, double indent)
{
    const LayoutText t = layoutText(text);
    QTextLayout layout(t.text, font, m_writer);
    layout.setFormats(t.formats);
    const double h = lineUp(layout, width() - indent, Qt::AlignLeft);
    m_painter->setPen(color);
    if (h < m_body.height() / 3) { // short: kept on one page
        ensure(h);
        layout.draw(m_painter, QPointF(left() + indent, m_y));
        m_y += h + pt(4);
        return;
    }
    // Long (a note of several pages): flows line by line across pages.
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        ensure(line.height());
        line.draw(m_painter, QPointF(left() + indent, m_y - line.y()));
        m_y += line.height();
    }
    m_y += pt(4);
}

void ReportPages::bullets(const QStringList& items)
{
    for (const QString& item : items) {
        const double h = textHeight(item, bodyFont(), width() - pt(12));
        ensure(h);
        m_painter->setPen(Qt::black);
        drawText(QRectF(left(), m_y, pt(12), h), QStringLiteral("\u2022"), bodyFont());
        paragraph(item, bodyFont(), Qt::black, pt(12));
    }
}

void ReportPages::facts(const std::vector<std::pair<QString, QString>>& facts, double labelWidth)
{
    QFont label = bodyFont();
    label.setBold(true);
    for (const auto& [name, value] : facts) {
        const bool hash = value.size() == 64 && value.indexOf(QLatin1Char(' ')) < 0;
        const QFont vf = hash ? monoFont() : bodyFont();
        const double h = std::max(textHeight(name, label, labelWidth - pt(6)), textHeight(value, vf, width() - labelWidth));
        ensure(h);
        m_painter->setPen(kGrey);
        drawText(QRectF(left(), m_y, labelWidth - pt(6), h), name, label);
        m_painter->setPen(Qt::black);
        drawText(QRectF(left() + labelWidth, m_y, width() - labelWidth, h), value, vf);
        m_y += h + pt(3);
    }
}

double ReportPages::rowHeight(const QStringList& cells, const std::vector<double>& widths, const QFont& font) const
{
    double h = 0;
    for (qsizetype i = 0; i < cells.size() && std::size_t(i) < widths.size(); ++i)
        h = std::max(h, textHeight(cells.at(i), font, widths[std::size_t(i)] - pt(6)));
    return h + pt(4);
}

void ReportPages::tableRow(const QStringList& cells, const std::vector<double>& widths, const std::vector<bool>& numeric,
                           const QFont& font, bool header)
{
    QFont f = font;
    f.setBold(header);
    const double h = rowHeight(cells, widths, f);
    if (header)
        m_painter->fillRect(QRectF(left(), m_y, width(), h), QColor(0xE8, 0xEC, 0xF2));
    m_painter->setPen(Qt::black);
    double x = left();
    for (qsizetype i = 0; i < cells.size() && std::size_t(i) < widths.size(); ++i) {
        const double w = widths[std::size_t(i)];
        const bool right = std::size_t(i) < numeric.size() && numeric[std::size_t(i)];
        drawText(QRectF(x + pt(3), m_y + pt(2), w - pt(6), h - pt(2)), cells.at(i), f, right ? Qt::AlignRight : Qt::AlignLeft);
        x += w;
    }
    m_painter->setPen(QPen(kRule, pt(0.4)));
    m_painter->drawLine(QPointF(left(), m_y + h), QPointF(left() + width(), m_y + h));
    m_y += h;
}

void ReportPages::table(const ReportTable& t, const std::vector<double>& weights, const QFont& font)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<double> widths;
    for (double w : weights)
        widths.push_back(width() * w / sum);
    QFont bold = font;
    bold.setBold(true);
    ensure(rowHeight(t.headers, widths, bold) + (t.rows.empty() ? 0 : rowHeight(t.rows.front(), widths, font)));
    tableRow(t.headers, widths, t.numeric, font, true);
    for (const QStringList& row : t.rows) {
        if (m_y + rowHeight(row, widths, font) > m_body.bottom()) {
            newPage();
            tableRow(t.headers, widths, t.numeric, font, true);
        }
        tableRow(row, widths, t.numeric, font, false);
    }
    if (t.rows.empty())
        paragraph(QStringLiteral("(none)"), smallFont(), kGrey);
    m_y += pt(8);
}

QRectF ReportPages::block(double height)
{
    ensure(height);
    const QRectF r(left(), m_y, width(), height);
    m_y += height + pt(6);
    return r;
}

} // namespace hs
