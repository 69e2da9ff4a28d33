// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "bundle.h"
#include "exportsource.h"
#include "reportcontent.h"
#include "reportpages.h"
#include "reportwriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>

namespace hs {
namespace {

const RedactionProfile kProfiles[] = {RedactionProfile::Internal, RedactionProfile::Policy, RedactionProfile::External};

} // namespace

ExportDialog::ExportDialog(bool report, const QString& casePath, const Settings& settings, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(report ? tr("Export report") : tr("Export case bundle"));
    auto* form = new QFormLayout(this);
    m_case = new QLineEdit(casePath, this);
    m_case->setPlaceholderText(tr("none: no annotations or audit log"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Case file"), QString(), tr("Hydrascope cases (*.hcase)"));
        if (!path.isEmpty())
            m_case->setText(path);
    });
    auto* caseRow = new QHBoxLayout;
    caseRow->addWidget(m_case);
    caseRow->addWidget(browse);
    form->addRow(tr("Case file:"), caseRow);
    m_profile = new QComboBox(this);
    m_profile->addItem(tr("internal: nothing hidden"));
    m_profile->addItem(tr("policy: accounts, payments, indicators and samples pseudonymised"));
    m_profile->addItem(tr("external: as policy, internal notes left out"));
    m_profile->setCurrentIndex(settings.redaction == QLatin1String("external") ? 2
                               : settings.redaction == QLatin1String("policy") ? 1 : 0);
    form->addRow(tr("Redaction:"), m_profile);
    m_classification = new QLineEdit(settings.classification, this);
    m_pdfA = new QCheckBox(tr("PDF/A-1b (archival)"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (report) {
        form->addRow(tr("Classification banner:"), m_classification);
        form->addRow(QString(), m_pdfA);
        connect(buttons->addButton(tr("Preview..."), QDialogButtonBox::ActionRole), &QPushButton::clicked, this,
                &ExportDialog::previewRequested);
    } else {
        m_classification->hide();
        m_pdfA->hide();
    }
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ExportDialog::casePath() const { return m_case->text().trimmed(); }
int ExportDialog::profileIndex() const { return m_profile->currentIndex(); }
QString ExportDialog::classification() const { return m_classification->text(); }
bool ExportDialog::pdfA() const { return m_pdfA->isChecked(); }

ExportActions::ExportActions(QWidget* window, std::function<Data()> current)
    : QObject(window), m_window(window), m_current(std::move(current))
{
}

void ExportActions::fail(const QString& message)
{
    QMessageBox box(QMessageBox::Warning, tr("Export"), message, QMessageBox::Ok, m_window);
    box.setTextFormat(Qt::PlainText); // messages name files and case contents
    box.exec();
}

bool ExportActions::open(const ExportDialog& dialog, const Data& data, ExportSource* source)
{
    QString error;
    if (openExportSource(*data.investigation, dialog.casePath(), kProfiles[dialog.profileIndex()], source, &error))
        return true;
    fail(error);
    return false;
}

ReportContent ExportActions::content(const ExportDialog& dialog, const Data& data, const ExportSource& source) const
{
    ReportOptions options;
    options.classification = dialog.classification();
    options.now = QDateTime::currentSecsSinceEpoch();
    return buildReport(*data.investigation, *data.analysis, source.caseSnapshot(), source.redactor, options);
}

void ExportActions::preview(const ExportDialog& dialog, const Data& data)
{
    ExportSource source;
    if (!open(dialog, data, &source))
        return;
    const ReportContent report = content(dialog, data, source);
    QPrinter printer(QPrinter::HighResolution);
    printer.setResolution(ReportPages::kDpi); // the report lays out in 300 dpi pixels
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPrintPreviewDialog previewDialog(&printer, m_window);
    previewDialog.setWindowTitle(tr("Report preview"));
    connect(&previewDialog, &QPrintPreviewDialog::paintRequested, this,
            [&report](QPrinter* p) { paintReport(p, report); });
    previewDialog.exec();
}

void ExportActions::exportReport()
{
    const Data data = m_current();
    if (!data.investigation || !data.analysis)
        return fail(tr("Open an investigation first."));
    ExportDialog dialog(true, data.casePath, data.settings, m_window);
    connect(&dialog, &ExportDialog::previewRequested, this, [this, &dialog, &data] { preview(dialog, data); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save report"), QString(), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const QString clash = replacesSource(path, data.investigation->evidence.path, dialog.casePath()); !clash.isEmpty())
        return fail(clash);
    ExportSource source;
    if (!open(dialog, data, &source))
        return;
    const QByteArray pdf = renderReportPdf(content(dialog, data, source), {dialog.pdfA(), source.reviewer()});
    QString error;
    if (pdf.isEmpty() || !writeAtomically(path, pdf, &error))
        return fail(pdf.isEmpty() ? tr("The report could not be rendered.") : error);
    recordExport(source, QStringLiteral("report"), path, pdf);
}

void ExportActions::exportBundle()
{
    const Data data = m_current();
    if (!data.investigation || !data.analysis)
        return fail(tr("Open an investigation first."));
    ExportDialog dialog(false, data.casePath, data.settings, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Folder for the case bundle"));
    ExportSource source;
    if (dir.isEmpty() || !open(dialog, data, &source))
        return;
    const std::vector<BundleFile> files = bundleFiles(*data.investigation, *data.analysis, source.caseSnapshot(),
                                                      source.redactor, {data.settings.organisation.isEmpty() ? BundleOptions{}.organisation : data.settings.organisation,
                                                       QDateTime::currentSecsSinceEpoch()});
    QString error;
    if (!writeBundle(dir, files, &error))
        return fail(error);
    recordExport(source, QStringLiteral("bundle"), dir, manifest(files));
}

} // namespace hs
