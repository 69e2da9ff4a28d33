// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportwriter.h"

#include "bundle.h"
#include "displaytext.h"
#include "qcustomplotshim.h"
#include "reportcharts.h"
#include "reportchurn.h"
#include "reportpages.h"

#include <QBuffer>
#include <QDateTime>
#include <QPdfWriter>

namespace hs {
namespace {

double pt(double points) { return ReportPages::pt(points); }

// Qt 6.4 writes no /Author into the PDF's Info dictionary, so the author goes into the XMP
// metadata (dc:creator), with the title and, for PDF/A-1b, the conformance it claims.
QByteArray xmpMetadata(const ReportContent& c, const PdfOptions& o)
{
    const QString date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QString x = QStringLiteral(
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" rdf:about=\"\">\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n"
        "<dc:creator><rdf:Seq><rdf:li>%2</rdf:li></rdf:Seq></dc:creator>\n</rdf:Description>\n"
        "<rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" rdf:about=\"\" xmp:CreatorTool=\"Hydrascope %3\" "
        "xmp:CreateDate=\"%4\" xmp:ModifyDate=\"%4\"/>\n"
        "<rdf:Description xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" rdf:about=\"\" pdf:Producer=\"Qt %5\"/>\n")
                    .arg(plainMarkers(c.title).toHtmlEscaped(), o.author.toHtmlEscaped(), QStringLiteral(HYDRASCOPE_VERSION), date,
                         QString::fromLatin1(qVersion()));
    if (o.pdfA)
        x += QStringLiteral("<rdf:Description xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" rdf:about=\"\" "
                            "pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>\n");
    x += QStringLiteral("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>");
    return x.toUtf8();
}

void titlePage(ReportPages& pages, const ReportContent& c)
{
    pages.advance(pt(40));
    pages.paragraph(QStringLiteral("Case report"), pages.smallFont(), QColor(0x55, 0x55, 0x55));
    pages.heading(c.title, 1);
    pages.advance(pt(10));
    pages.facts(c.titleFacts, pt(120));
    pages.advance(pt(16));
    pages.paragraph(c.redaction, pages.bodyFont());
}

void summary(ReportPages& pages, const ReportContent& c)
{
    pages.newPage();
    pages.heading(QStringLiteral("Summary"), 1);
    pages.heading(QStringLiteral("Key figures"), 2);
    pages.bullets(c.keyFigures);
    pages.heading(QStringLiteral("Detected pivots"), 2);
    if (c.pivots.isEmpty())
        pages.paragraph(QStringLiteral("No pivot was detected."), pages.bodyFont());
    pages.bullets(c.pivots);
}

void campaign(ReportPages& pages, const CampaignReport& c)
{
    pages.newPage();
    pages.heading(QStringLiteral("Campaign: ") + c.name, 1);
    pages.facts(c.facts, pt(150));
    pages.bullets(c.releases);
    if (c.hasFlagReasons()) { // (1.1) files with flag_reasons only
        pages.heading(QStringLiteral("Why these accounts were flagged"), 2);
        if (!c.flagReasons.rows.empty())
            pages.table(c.flagReasons, {2.3, 0.9, 5.2}, pages.smallFont());
        pages.paragraph(c.flaggedAccounts, pages.bodyFont());
        if (!c.flaggedAccountsBySignal.rows.empty())
            pages.table(c.flaggedAccountsBySignal, {3, 1}, pages.smallFont());
        pages.ensure(pt(290)); // the timeline's heading stays with its chart
    }
    pages.heading(QStringLiteral("Timeline"), 2);
    if (c.timeline.data.empty())
        pages.paragraph(QStringLiteral("The campaign has no traffic in the evidence."), pages.bodyFont());
    else
        drawTimeline(pages.painter(), pages.block(pt(250)), c.timeline);
    pages.heading(QStringLiteral("Capability mix beside the organic baseline"), 2);
    const double rowH = std::max(QFontMetricsF(pages.smallFont(), pages.painter()->device()).height() * 2.2, pt(18));
    const double barsHeight = pt(12) + double(c.capabilities.size()) * (rowH + pt(2));
    drawCapabilityBars(pages.painter(), pages.block(barsHeight), c.capabilities, pages.smallFont());
    if (!c.capabilityNote.isEmpty())
        pages.paragraph(c.capabilityNote, pages.smallFont(), QColor(0x55, 0x55, 0x55));
    churnSection(pages, c);
    pages.heading(QStringLiteral("Top clusters"), 2);
    pages.table(c.clusters, {3, 2, 2}, pages.smallFont());
    pages.heading(QStringLiteral("Top accounts"), 2);
    pages.table(c.accounts, {2.2, 1.6, 0.9, 1.2, 1.8, 1.1, 1.1}, pages.smallFont());
    pages.heading(QStringLiteral("Top prompt families"), 2);
    pages.table(c.families, {2.4, 4.4, 1.1, 0.8}, pages.smallFont());
}

void annotationsAndAppendix(ReportPages& pages, const ReportContent& c)
{
    pages.newPage();
    pages.heading(QStringLiteral("Annotations"), 1);
    if (c.annotations.empty())
        pages.paragraph(QStringLiteral("The case has no annotations."), pages.bodyFont());
    QFont headingFont = pages.bodyFont();
    headingFont.setBold(true);
    for (const AnnotationReport& a : c.annotations) {
        pages.ensure(pt(40));
        pages.paragraph(a.heading, headingFont, a.key ? QColor(0xA0, 0x10, 0x10) : Qt::black);
        pages.paragraph(a.details, pages.smallFont(), QColor(0x55, 0x55, 0x55));
        if (!a.note.isEmpty())
            pages.paragraph(a.note, pages.bodyFont(), Qt::black, pt(10));
        pages.advance(pt(6));
    }
    pages.newPage();
    pages.heading(QStringLiteral("Appendix"), 1);
    pages.heading(QStringLiteral("Definitions"), 2);
    pages.bullets(c.definitions);
    pages.heading(QStringLiteral("Audit log"), 2);
    pages.table(c.audit, {0.5, 1.6, 1.2, 1.1, 1.3, 3.2, 1.7}, pages.smallFont());
}

// Lays out and paints the whole report; returns the number of pages.
int paint(QPagedPaintDevice* device, const ReportContent& c, int totalPages)
{
    QCPPainter painter(device);
    painter.setRenderHint(QPainter::Antialiasing);
    ReportPages pages(device, &painter, c, totalPages);
    titlePage(pages, c);
    summary(pages, c);
    for (const CampaignReport& campaignReport : c.campaigns)
        campaign(pages, campaignReport);
    annotationsAndAppendix(pages, c);
    painter.end();
    return pages.page();
}

void setUp(QPdfWriter& writer, const ReportContent& c, const PdfOptions& o)
{
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(ReportPages::kDpi);
    writer.setTitle(plainMarkers(c.title));
    writer.setCreator(QStringLiteral("Hydrascope %1").arg(QStringLiteral(HYDRASCOPE_VERSION)));
    writer.setPdfVersion(o.pdfA ? QPagedPaintDevice::PdfVersion_A1b : QPagedPaintDevice::PdfVersion_1_6);
    writer.setDocumentXmpMetadata(xmpMetadata(c, o));
}

// Two passes: the first only counts pages, so that every footer can say "page N of M".
int countPages(const ReportContent& content, const PdfOptions& options)
{
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    QPdfWriter counter(&scratch);
    setUp(counter, content, options);
    return paint(&counter, content, 0);
}

} // namespace

void paintReport(QPagedPaintDevice* device, const ReportContent& content)
{
    paint(device, content, countPages(content, {}));
}

QByteArray renderReportPdf(const ReportContent& content, const PdfOptions& options)
{
    const int total = countPages(content, options);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&out);
        setUp(writer, content, options);
        paint(&writer, content, total);
    }
    return out.data();
}

bool writeReportPdf(const ReportContent& content, const PdfOptions& options, const QString& path, QString* error)
{
    const QByteArray pdf = renderReportPdf(content, options);
    if (pdf.isEmpty()) {
        *error = QStringLiteral("the report could not be rendered");
        return false;
    }
    return writeAtomically(path, pdf, error);
}

} // namespace hs
