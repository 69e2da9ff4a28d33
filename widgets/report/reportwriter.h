// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Renders a ReportContent (model/reportcontent.h) as a PDF: QPdfWriter and QPainter, charts as
// vectors, fonts embedded, running headers and footers with "page N of M". Needs a QApplication
// (QCustomPlot is a widget); headless runs use the offscreen platform.

#include "reportcontent.h"

#include <QByteArray>
#include <QString>

class QPagedPaintDevice;

namespace hs {

struct PdfOptions
{
    bool pdfA = false; // PDF/A-1b
    QString author;    // the reviewer
};

// Paints the report on a paged device at ReportPages::kDpi (the print preview's QPrinter).
void paintReport(QPagedPaintDevice* device, const ReportContent& content);
// The PDF's bytes; empty on failure.
QByteArray renderReportPdf(const ReportContent& content, const PdfOptions& options);
// Writes atomically (QSaveFile): on failure nothing is left at `path`.
bool writeReportPdf(const ReportContent& content, const PdfOptions& options, const QString& path, QString* error);

} // namespace hs
