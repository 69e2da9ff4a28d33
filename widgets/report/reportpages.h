// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Page flow for the case report: A4 pages with a running header (case title, classification) and
// footer (redaction profile, classification, "page N of M"), and blocks that break across pages:
// headings, wrapped paragraphs, key-value lists and tables whose header repeats. Units are device
// pixels of a 300 dpi device (QPdfWriter, or a QPrinter set to 300 dpi for the preview). Text is drawn with QPainter::drawText: plain text, never markup.

#include "reportcontent.h"

#include <QColor>
#include <QFont>
#include <QRectF>

class QCPPainter;
class QPagedPaintDevice;

namespace hs {

class ReportPages
{
public:
    static constexpr int kDpi = 300;
    static double pt(double points) { return points * kDpi / 72.0; }

    ReportPages(QPagedPaintDevice* device, QCPPainter* painter, const ReportContent& content, int totalPages);

    int page() const { return m_page; }
    QCPPainter* painter() const { return m_painter; }
    double width() const { return m_body.width(); }
    double left() const { return m_body.left(); }
    double y() const { return m_y; }
    void advance(double dy) { m_y += dy; }

    void newPage();
    // Starts a new page unless `height` fits below the cursor.
    void ensure(double height);
    void heading(const QString& text, int level); // level 1: page title size, 2: section
    void paragraph(const QString& text, const QFont& font, QColor color = Qt::black, double indent = 0);
    void bullets(const QStringList& items);
    void facts(const std::vector<std::pair<QString, QString>>& facts, double labelWidth);
    // Column widths are weights; rows wrap, and break to a new page with the header repeated.
    void table(const ReportTable& t, const std::vector<double>& weights, const QFont& font);
    // Reserves a block of `height` for a chart; returns where to draw it.
    QRectF block(double height);

    static QStringList fallbackFamilies();
    QFont bodyFont() const;
    QFont smallFont() const;
    QFont monoFont() const;

private:
    double textHeight(const QString& text, const QFont& font, double width) const;
    double drawText(const QRectF& rect, const QString& text, const QFont& font, Qt::Alignment align = Qt::AlignLeft) const;
    double layOut(const QString& text, const QFont& font, const QRectF& rect, Qt::Alignment align, bool draw) const;
    void decorate();
    void tableRow(const QStringList& cells, const std::vector<double>& widths, const std::vector<bool>& numeric,
                  const QFont& font, bool header);
    double rowHeight(const QStringList& cells, const std::vector<double>& widths, const QFont& font) const;

    QPagedPaintDevice* m_writer;
    QCPPainter* m_painter;
    const ReportContent& m_content;
    int m_total;
    int m_page = 1;
    QRectF m_page_rect, m_body;
    double m_y = 0;
};

} // namespace hs
