// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "bundle.h"
#include "caselocation.h"
#include "exportsource.h"
#include "reportcontent.h"
#include "reportpages.h"
#include "reportwriter.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <QComboBox>
#include <QStandardItemModel>
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
#include <QRegularExpression>

namespace hs {
namespace {

const RedactionProfile kProfiles[] = {RedactionProfile::Internal, RedactionProfile::Policy, RedactionProfile::External};
const char* const kProfileNames[] = {"internal", "policy", "external"};

} // namespace

ExportDialog::ExportDialog(bool report, const QString& casePath, const Settings& settings, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(report ? tr("Export report") : tr("Export case bundle"));
    auto* form = new QFormLayout(this);
    // A server case's password (typed into its location) is never shown: the field shows the
    // location without it, and casePath() gives the open case's own location while it is shown.
    m_case = new QLineEdit(displayLocation(casePath), this);
    m_case->setPlaceholderText(tr("none: no annotations or audit log"));
    m_case->setMinimumWidth(420); // a server location is long
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        // Cases live beside their evidence: the dialog starts in the folder of the one given.
        const QString start = m_case->text().isEmpty() ? QString() : QFileInfo(m_case->text()).absolutePath();
        const QString path = QFileDialog::getOpenFileName(this, tr("Case file"), start, tr("Hydrascope cases (*.hcase)"));
        if (!path.isEmpty())
            m_case->setText(path);
    });
    auto* caseRow = new QHBoxLayout;
    caseRow->addWidget(m_case);
    caseRow->addWidget(browse);
    form->addRow(tr("Case:"), caseRow);
    m_profile = new QComboBox(this);
    m_profile->addItem(tr("internal: nothing hidden"));
    m_profile->addItem(tr("policy: accounts, payments, indicators and samples pseudonymised"));
    m_profile->addItem(tr("external: as policy, internal notes left out"));
    const QString last = QSettings().value(profileKey(report)).toString();
    const QString profile = last.isEmpty() ? settings.redaction : last;
    m_profile->setCurrentIndex(profile == QLatin1String("external") ? 2 : profile == QLatin1String("policy") ? 1 : 0);
    form->addRow(tr("Redaction:"), m_profile);
    m_openCase = casePath;
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("exportRefusal"));
    m_refusal->setTextFormat(Qt::PlainText); // the server's words
    m_refusal->setWordWrap(true);
    m_refusal->hide();
    form->addRow(QString(), m_refusal);
    connect(m_case, &QLineEdit::textChanged, this, &ExportDialog::applyRefusals);
    m_view = new QComboBox(this);
    m_view->setObjectName(QStringLiteral("exportView"));
    m_view->addItem(tr("the whole case"));
    m_view->setToolTip(tr("A saved view: only its campaigns and time span (hydrascope report --view)"));
    m_withReport = new QCheckBox(tr("Include the report (report.pdf)"), this);
    m_withReport->setObjectName(QStringLiteral("exportWithReport"));
    m_withReport->setToolTip(tr("hydrascope export --with-report"));
    m_classification = new QLineEdit(settings.classification, this);
    m_pdfA = new QCheckBox(tr("PDF/A-1b (archival)"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    if (report) {
        form->addRow(tr("Saved view:"), m_view);
        form->addRow(tr("Classification banner:"), m_classification);
        form->addRow(QString(), m_pdfA);
        connect(buttons->addButton(tr("Preview..."), QDialogButtonBox::ActionRole), &QPushButton::clicked, this,
                &ExportDialog::previewRequested);
        m_withReport->hide();
    } else {
        m_classification->hide();
        m_pdfA->hide();
        m_view->hide();
        form->addRow(QString(), m_withReport);
    }
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::refuseProfiles(const QHash<QString, QString>& refused)
{
    m_refused = refused;
    applyRefusals();
}

// Another case typed in: its own rights are checked when the export opens it (exportsource).
void ExportDialog::applyRefusals()
{
    const bool thisCase = casePath() == m_openCase;
    auto* items = qobject_cast<QStandardItemModel*>(m_profile->model());
    QStringList said;
    for (int i = 0; i < m_profile->count(); ++i) {
        const QString name = QString::fromLatin1(kProfileNames[i]);
        const bool refused = thisCase && m_refused.contains(name);
        if (QStandardItem* item = items ? items->item(i) : nullptr) {
            item->setEnabled(!refused);
            item->setToolTip(refused ? m_refused.value(name) : QString());
        }
        if (refused)
            said << tr("%1: %2").arg(name, m_refused.value(name));
    }
    if (thisCase && m_refused.contains(QString::fromLatin1(kProfileNames[m_profile->currentIndex()])))
        for (int i = 0; i < m_profile->count(); ++i)
            if (!m_refused.contains(QString::fromLatin1(kProfileNames[i]))) {
                m_profile->setCurrentIndex(i);
                break;
            }
    m_refusal->setText(said.isEmpty() ? QString() : tr("Not allowed for you on this case: %1").arg(said.join(QStringLiteral("; "))));
    m_refusal->setVisible(!said.isEmpty());
}

QString ExportDialog::casePath() const
{
    const QString typed = m_case->text().trimmed();
    return !m_openCase.isEmpty() && typed == displayLocation(m_openCase) ? m_openCase : typed;
}
int ExportDialog::profileIndex() const { return m_profile->currentIndex(); }
QString ExportDialog::classification() const { return m_classification->text(); }
bool ExportDialog::pdfA() const { return m_pdfA->isChecked(); }
bool ExportDialog::withReport() const { return m_withReport->isChecked(); }
QString ExportDialog::viewName() const { return m_view->currentIndex() > 0 ? m_view->currentText() : QString(); }
QString ExportDialog::profileKey(bool report)
{
    return report ? QStringLiteral("export/reportProfile") : QStringLiteral("export/bundleProfile");
}

void ExportDialog::setViews(const QStringList& names)
{
    while (m_view->count() > 1)
        m_view->removeItem(1);
    m_view->addItems(names);
    m_view->setEnabled(!names.isEmpty());
}

ExportActions::ExportActions(QWidget* window, std::function<Data()> current)
    : QObject(window), m_window(window), m_current(std::move(current))
{
    m_choose = [this](const QString& title, const QString& suggested, bool folder) {
        // A bundle is a folder: a save dialog, not a folder picker, so that its name can be suggested
        // (the folder is created if needed).
        return QFileDialog::getSaveFileName(m_window, title, suggested, folder ? tr("Folder (*)") : tr("PDF (*.pdf)"),
                                            nullptr, folder ? QFileDialog::Options(QFileDialog::DontConfirmOverwrite) : QFileDialog::Options());
    };
}

// "evidence-report-policy.pdf" beside the evidence: where its case lives too.
QString ExportActions::suggestedPath(const Data& data, const QString& suffix) const
{
    const QFileInfo evidence(data.investigation->evidence.path);
    return QDir(evidence.absolutePath()).filePath(evidence.completeBaseName() + suffix);
}

// "Report saved: /path/x.pdf · Open folder" in the status bar until the next export or a minute.
void ExportActions::confirm(const QString& what, const QString& path, const QString& folder)
{
    auto* main = qobject_cast<QMainWindow*>(m_window);
    if (!main)
        return;
    delete m_done;
    m_done = new QLabel(main->statusBar());
    m_done->setObjectName(QStringLiteral("exportConfirmation"));
    m_done->setTextFormat(Qt::RichText); // our text; the path is escaped
    m_done->setText(tr("%1 saved: %2 · <a href=\"%3\">Open folder</a>")
                        .arg(what, path.toHtmlEscaped(), QUrl::fromLocalFile(folder).toString(QUrl::FullyEncoded).toHtmlEscaped()));
    m_done->setToolTip(folder);
    connect(m_done, &QLabel::linkActivated, this, [](const QString& link) { QDesktopServices::openUrl(QUrl(link)); });
    main->statusBar()->addWidget(m_done);
    QTimer::singleShot(60000, m_done, &QObject::deleteLater);
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
    if (const CaseSnapshot* snapshot = source.caseSnapshot(); snapshot && !dialog.viewName().isEmpty())
        for (const SavedView& v : snapshot->views)
            if (v.name == dialog.viewName())
                options.view = v;
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
    dialog.refuseProfiles(data.refusedProfiles);
    dialog.setViews(data.views);
    connect(&dialog, &ExportDialog::previewRequested, this, [this, &dialog, &data] { preview(dialog, data); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString profile = QString::fromLatin1(kProfileNames[dialog.profileIndex()]);
    QString view = dialog.viewName().simplified().replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    const QString path = m_choose(tr("Save report"),
                                  suggestedPath(data, QStringLiteral("-report%1-%2.pdf").arg(view.isEmpty() ? QString() : QLatin1Char('-') + view, profile)),
                                  false);
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
    QSettings().setValue(ExportDialog::profileKey(true), profile);
    confirm(tr("Report"), path, QFileInfo(path).absolutePath());
}

void ExportActions::exportBundle()
{
    const Data data = m_current();
    if (!data.investigation || !data.analysis)
        return fail(tr("Open an investigation first."));
    ExportDialog dialog(false, data.casePath, data.settings, m_window);
    dialog.refuseProfiles(data.refusedProfiles);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString profile = QString::fromLatin1(kProfileNames[dialog.profileIndex()]);
    const QString dir = m_choose(tr("Folder for the case bundle"), suggestedPath(data, QStringLiteral("-bundle-") + profile), true);
    if (dir.isEmpty())
        return;
    if (const QString clash = replacesSource(dir, data.investigation->evidence.path, dialog.casePath()); !clash.isEmpty())
        return fail(clash);
    ExportSource source;
    if (!open(dialog, data, &source))
        return;
    std::vector<BundleFile> files = bundleFiles(*data.investigation, *data.analysis, source.caseSnapshot(),
                                                      source.redactor, {data.settings.organisation.isEmpty() ? BundleOptions{}.organisation : data.settings.organisation,
                                                       QDateTime::currentSecsSinceEpoch()});
    if (dialog.withReport()) { // as `hydrascope export --with-report`: the report with the same profile
        ReportOptions options;
        options.now = QDateTime::currentSecsSinceEpoch();
        const ReportContent report = buildReport(*data.investigation, *data.analysis, source.caseSnapshot(), source.redactor, options);
        files.push_back({QStringLiteral("report.pdf"), renderReportPdf(report, {false, source.reviewer()})});
    }
    QString error;
    if (!writeBundle(dir, files, &error))
        return fail(error);
    recordExport(source, QStringLiteral("bundle"), dir, manifest(files));
    QSettings().setValue(ExportDialog::profileKey(false), profile);
    confirm(tr("Case bundle"), dir, dir);
}

} // namespace hs
