// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "accountspage.h"
#include "analysis.h"
#include "capabilitiespage.h"
#include "displaytext.h"
#include "exchangespage.h"
#include "familiespage.h"
#include "selectionjob.h"
#include "loadjob.h"
#include "overviewpage.h"
#include "selection.h"
#include "selectionbar.h"
#include "timelinepage.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QUrl>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>

namespace hs {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    m_job = new LoadJob(this);
    connect(m_job, &LoadJob::progress, this, &MainWindow::onProgress);
    connect(m_job, &LoadJob::finished, this, &MainWindow::onLoaded);

    m_selection = new SelectionState(this);
    m_selectionBar = new SelectionBar(m_selection, this);
    addToolBar(Qt::TopToolBarArea, m_selectionBar);
    m_timeline = new TimelinePage(m_selection, this);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_overview = new OverviewPage(this);
    m_pages->addTab(m_overview, tr("Overview"));
    m_pages->addTab(m_timeline, tr("Timeline"));
    m_capabilities = new CapabilitiesPage(m_selection, this);
    m_pages->addTab(m_capabilities, tr("Capabilities"));
    m_figures = new SelectionJob(m_selection, this);
    m_accounts = new AccountsPage(m_selection, m_figures, this);
    m_pages->addTab(m_accounts, tr("Accounts && infrastructure"));
    m_families = new FamiliesPage(m_selection, m_figures, this);
    m_pages->addTab(m_families, tr("Prompt families"));
    m_exchanges = new ExchangesPage(m_figures, this);
    m_pages->addTab(m_exchanges, tr("Exchanges"));
    setCentralWidget(m_pages);

    m_findings = new QPlainTextEdit(this); // plain text: evidence text is never markup
    m_findings->setReadOnly(true);
    m_findings->setAccessibleName(tr("Validation findings"));
    auto* dock = new QDockWidget(tr("Findings"), this);
    dock->setObjectName(QStringLiteral("findingsDock"));
    dock->setWidget(m_findings);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {120}, Qt::Vertical);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, m_job, &LoadJob::cancel);
    m_evidenceLabel = new QLabel(tr("No investigation open"), this);
    m_evidenceLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_evidenceLabel, 1);
    m_filterLabel = new QLabel(this);
    m_filterLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_filterLabel);
    connect(m_selectionBar, &SelectionBar::summaryChanged, m_filterLabel, &QLabel::setText);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);

    createMenus();
    setAcceptDrops(true);
    updateTitle();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::chooseFile);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
}

// The ten files opened last, newest first, kept across sessions.
QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::rememberFile(const QString& path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(QStringLiteral("recentFiles"), QStringList(files.mid(0, 10)));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    for (const QString& path : recentFiles()) {
        QAction* a = m_recentMenu->addAction(QString(path).replace(QLatin1Char('&'), QStringLiteral("&&")));
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openFile(urls.front().toLocalFile());
    }
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open investigation"), {},
                                                      tr("Flagged-campaign databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFile(const QString& path)
{
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    statusBar()->showMessage(tr("Opening %1...").arg(QFileInfo(path).fileName()));
    LoadOptions options;
    options.keepColumns = true; // exact figures for any selection
    m_job->start(path, options);
}

void MainWindow::onProgress(const QString& phase, double fraction)
{
    m_progress->setValue(static_cast<int>(fraction * 1000));
    m_progress->setFormat(phase + QStringLiteral(" %p%"));
}

void MainWindow::onLoaded(const QString& path, const LoadResult& result)
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    statusBar()->clearMessage();
    if (result.cancelled) {
        statusBar()->showMessage(tr("Opening %1 was cancelled").arg(QFileInfo(path).fileName()), 5000);
        return;
    }
    if (!result.ok()) {
        // The previous investigation stays open.
        QStringList errors;
        for (const Finding& f : result.findings.items())
            if (f.severity == Severity::Error)
                errors << f.toText();
        QMessageBox box(QMessageBox::Warning, tr("Cannot open investigation"),
                        tr("%1 is not a valid flagged-campaign database.").arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.setDetailedText(errors.join(QLatin1Char('\n')));
        box.exec();
        return;
    }
    rememberFile(path);
    m_inv = result.investigation;
    m_analysis = std::make_shared<const Analysis>(analyze(*m_inv));
    m_selection->reset(m_inv->groupCount()); // first: the bar reads the selection of this investigation
    m_selectionBar->setInvestigation(m_inv);
    m_overview->setResults(m_inv, m_analysis);
    m_timeline->setResults(m_inv, m_analysis);
    m_capabilities->setResults(m_inv, m_analysis);
    m_accounts->setResults(m_inv);
    m_families->setResults(m_inv);
    m_exchanges->setResults(m_inv);
    m_figures->setInvestigation(m_inv);
    showFindings(result.findings);
    const QLocale locale;
    m_evidenceLabel->setText(tr("%1  ·  SHA-256 %2…  ·  %3 exchanges, %4 accounts")
                                 .arg(m_inv->evidence.fileName, m_inv->evidence.sha256.left(12),
                                      locale.toString(qlonglong(m_inv->exchangeRows)),
                                      locale.toString(qulonglong(m_inv->accounts.size()))));
    // Tooltips guess rich text from the content: the path is escaped, so it stays literal.
    m_evidenceLabel->setToolTip(QStringLiteral("<p style='white-space:pre'>%1<br>SHA-256 %2</p>").arg(m_inv->evidence.path.toHtmlEscaped(), m_inv->evidence.sha256));
    updateTitle();
}

void MainWindow::showFindings(const Findings& findings)
{
    QStringList lines;
    for (const Finding& f : findings.items())
        lines << f.toText();
    m_findings->setPlainText(lines.isEmpty() ? tr("No findings: the file follows the format.") : lines.join(QLatin1Char('\n')));
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_inv ? tr("%1 — Hydrascope").arg(isolated(m_inv->title())) : tr("Hydrascope"));
}

} // namespace hs
