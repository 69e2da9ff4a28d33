// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "accountspage.h"
#include "analysis.h"
#include "annotationspanel.h"
#include "backgroundrelease.h"
#include "casecontroller.h"
#include "caseactions.h"
#include "savedviews.h"
#include "capabilitiespage.h"
#include "displaytext.h"
#include "casenavigation.h"
#include "exchangespage.h"
#include "exportactions.h"
#include "familiespage.h"
#include "finddialog.h"
#include "findingsdock.h"
#include "flagreasonsdock.h"
#include "importdialog.h"
#include "selectionjob.h"
#include "loadjob.h"
#include "networkpage.h"
#include "overviewpage.h"
#include "pageset.h"
#include "preferencesdialog.h"
#include "presentationmode.h"
#include "caselocation.h"
#include "recentfiles.h"
#include "selection.h"
#include "selectionbar.h"
#include "timeline.h"
#include "theme.h"
#include "timelinepage.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QTimer>
#include <QUrl>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

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
    m_pages = new PageSet(this);
    m_figures = new SelectionJob(m_selection, this);
    m_overview = new OverviewPage(m_figures, this);
    m_pages->add(PageId::Overview, m_overview, tr("Overview"));
    m_pages->add(PageId::Timeline, m_timeline, tr("Timeline"));
    m_capabilities = new CapabilitiesPage(m_selection, this);
    m_pages->add(PageId::Capabilities, m_capabilities, tr("Capabilities"));
    m_accounts = new AccountsPage(m_selection, m_figures, this);
    m_pages->add(PageId::Accounts, m_accounts, tr("Accounts && infrastructure"));
    m_families = new FamiliesPage(m_selection, m_figures, this);
    m_pages->add(PageId::Families, m_families, tr("Prompt families"));
    m_exchanges = new ExchangesPage(m_figures, this);
    m_pages->add(PageId::Exchanges, m_exchanges, tr("Exchanges"));
    m_network = new NetworkPage(m_selection, this);
    m_pages->add(PageId::Network, m_network, tr("Network"));
    setCentralWidget(m_pages);

    auto* dock = m_findings = new FindingsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_case = new CaseActions(this, [this] { return currentPage(); }, m_selection);
    addDockWidget(Qt::BottomDockWidgetArea, m_case->dock());
    tabifyDockWidget(dock, m_case->dock());
    m_why = new FlagReasonsDock(m_selection, m_case->controller(), this);
    addDockWidget(Qt::BottomDockWidgetArea, m_why);
    tabifyDockWidget(dock, m_why);
    connect(m_accounts, &AccountsPage::accountChosen, m_why, &FlagReasonsDock::showAccount);
    dock->raise();
    CaseController* cases = m_case->controller();
    connect(m_case, &CaseActions::openEvidenceRequested, this, &MainWindow::openFile);
    connect(m_case, &CaseActions::jumpRequested, this, [this](const Annotation& a) { jumpTo(*this, a); });
    connect(m_case, &CaseActions::savedViewRequested, this, [this](const SavedView& v) { applySavedView(*this, v); });
    connect(m_case, &CaseActions::statusChanged, this, &MainWindow::updateEvidenceLabel);
    connect(m_case, &CaseActions::caseOpened, this, [](const QString& location) { RecentFiles::remember(location); });
    connect(cases, &CaseController::annotationsChanged, this, [this, cases] { m_timeline->setAnnotations(cases->annotations()); });
    auto annotatable = [this, cases] {
        QString why;
        m_timeline->setAnnotatable(cases->isOpen(), cases->mayEdit(&why) ? QString() : why);
        updateTitle(); // names the case
    };
    connect(cases, &CaseController::caseChanged, this, annotatable);
    connect(cases, &CaseController::connectionChanged, this, annotatable);
    connect(m_timeline, &TimelinePage::annotateRequested, m_case, &CaseActions::newAnnotation);
    connect(m_accounts, &AccountsPage::annotateAccountRequested, m_case, &CaseActions::annotateAccount);
    connect(m_accounts, &AccountsPage::exchangesRequested, this, [this](const QString& ref) {
        m_exchanges->showAccount(ref);
        showPage(PageId::Exchanges);
    });
    connect(m_accounts, &AccountsPage::timelineRequested, this, [this](std::uint32_t a) { showAccountOnTimeline(*this, a); });

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
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_docksSized = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    styleAll(this);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    sizeDocksOnce();
}

// The bottom docks (Findings, Annotations, Why flagged) take about a quarter of the window the
// first time it is shown, so that the Annotations panel lists several rows at 1920x1080 and
// still leaves the page most of the height at 1366x768. A layout the reviewer left is kept.
void MainWindow::sizeDocksOnce()
{
    if (m_docksSized)
        return;
    m_docksSized = true;
    resizeDocks({m_findings}, {std::max(190, height() * 27 / 100)}, Qt::Vertical);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        styleAll(this);
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_job->cancel(); // a load stops at its next check; nothing waits for it (job.h)
    m_presentation->leave(); // remember the reviewer's layout, not the presentation's
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow()
{
    // The investigation and the selection's figures (hundreds of megabytes at full scale) are
    // freed on the pool once every page has let go of them, not on the GUI thread: closing a
    // window never blocks it (docs/performance.md).
    QTimer::singleShot(0, qApp, [inv = std::move(m_inv), figures = m_figures->figures()]() mutable {
        releaseInBackground(std::move(inv));
        releaseInBackground(std::move(figures));
    });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, &MainWindow::chooseFile);
    new RecentFiles(file->addMenu(tr("Open &recent")), [this](const QString& path) { openFile(path); });
    for (const auto mode : {ImportDialog::Mode::Import, ImportDialog::Mode::Detect})
        file->addAction(mode == ImportDialog::Mode::Import ? tr("&Import logs...") : tr("&Detect campaigns in logs..."), this,
                        [this, mode] {
                            ImportDialog dialog(this, mode);
                            connect(&dialog, &ImportDialog::imported, this, &MainWindow::openFile);
                            dialog.exec();
                        });
    file->addSeparator();
    m_case->addFileActions(file);
    file->addSeparator();
    auto* exports = new ExportActions(this, [this] {
        CaseBackend* c = m_case->controller()->caseFile();
        QStringList views;
        for (const SavedView& v : c ? m_case->controller()->views() : std::vector<SavedView>{})
            views << v.name;
        QHash<QString, QString> refused; // a reader's role on a server case: greyed out in the dialog, with why
        for (const QString& profile : {QStringLiteral("internal"), QStringLiteral("policy"), QStringLiteral("external")})
            if (QString why; c && !c->mayExportProfile(profile, &why))
                refused.insert(profile, why);
        return ExportActions::Data{m_inv, m_analysis, c ? c->reopenLocation() : QString(), m_settings, views, refused};
    });
    file->addAction(tr("Export &report..."), QKeySequence(Qt::CTRL | Qt::Key_E), exports, &ExportActions::exportReport);
    file->addAction(tr("Export case &bundle..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), exports,
                    &ExportActions::exportBundle);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_case->addEditActions(edit);
    edit->addSeparator();
    edit->addAction(tr("&Find..."), QKeySequence::Find, this, [this] {
        auto* find = findChild<FindDialog*>();
        if (!find) {
            find = new FindDialog(this);
            connect(find, &FindDialog::hitChosen, this, [this](const FindHit& hit) { showFindHit(*this, hit); });
        }
        find->setInvestigation(m_inv);
        find->show();
        find->raise();
        find->activateWindow();
    });
    edit->addAction(tr("&Preferences..."), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::editPreferences)
        ->setMenuRole(QAction::PreferencesRole);
    m_case->fillCaseMenu(menuBar()->addMenu(tr("&Case")));
    m_presentation = new PresentationMode(this);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* present = view->addAction(tr("&Presentation mode"), QKeySequence(Qt::Key_F5), m_presentation,
                                       &PresentationMode::toggle);
    addAction(present); // F5 works with the menu bar hidden too
    // Ctrl+1.. for the views, in the order of their tabs (a page added later gets the next key).
    view->addSeparator();
    for (int i = 0; i < std::min(m_pages->count(), 9); ++i)
        view->addAction(m_pages->tabText(i), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                        [this, i] { m_pages->setCurrentIndex(i); });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, [this] { showShortcuts(this); });
    help->addAction(tr("&About Hydrascope"), this, [this] { showAbout(this); })->setMenuRole(QAction::AboutRole);
}

QStringList MainWindow::recentFiles() const { return RecentFiles::files(); }

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (m_presentation->isActive())
        return; // nothing is opened in front of an audience
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        openFile(urls.front().toLocalFile());
    }
}

void MainWindow::chooseFile()
{
    // Where the evidence open now lives (its case beside it), else where the last one was opened.
    const QStringList recent = RecentFiles::files();
    const QString start = m_inv ? QFileInfo(m_inv->evidence.path).absolutePath()
                          : recent.isEmpty() ? QString() : QFileInfo(recent.front()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open investigation"), start,
        tr("Flagged-campaign databases (*.db *.sqlite *.sqlite3);;Hydrascope cases (*.hcase);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFile(const QString& path)
{
    if (path.endsWith(QLatin1String(".hcase"), Qt::CaseInsensitive) || isServerLocation(path))
        return m_case->openCase(path); // a case opens its own evidence
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
    if (result.ok() && m_presentation->isActive())
        m_presentation->leave(); // never show a new file's evidence unredacted under the badge
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
    RecentFiles::remember(path);
    m_inv = result.investigation;
    m_selection->reset(m_inv->groupCount()); // first: the bar reads the selection of this investigation
    m_selectionBar->setInvestigation(m_inv);
    showAnalysis();
    m_findings->setFindings(result.findings);
    if (m_inv->hasFlagReasons && !result.findings.hasWarnings())
        m_why->raise(); // a detected file: why each campaign was flagged is what the reviewer checks first
    m_case->setInvestigation(m_inv);
    updateEvidenceLabel();
    updateTitle();
}

void MainWindow::updateEvidenceLabel()
{
    if (!m_inv)
        return;
    const QLocale locale;
    QString text = tr("%1  ·  %2  ·  SHA-256 %3…  ·  %4 exchanges, %5 accounts")
                       .arg(m_inv->evidence.fileName, locale.formattedDataSize(m_inv->evidence.size),
                            m_inv->evidence.sha256.left(12), locale.toString(qlonglong(m_inv->exchangeRows)),
                            locale.toString(qulonglong(m_inv->accounts.size())));
    if (const QString status = m_case->evidenceStatus(); !status.isEmpty())
        text += QStringLiteral("  ·  ") + status;
    m_evidenceLabel->setText(text);
    // Tooltips guess rich text from the content: the path is escaped, so it stays literal.
    m_evidenceLabel->setToolTip(QStringLiteral("<p style='white-space:pre'>%1<br>SHA-256 %2</p>")
                                    .arg(m_inv->evidence.path.toHtmlEscaped(), m_inv->evidence.sha256));
}


void MainWindow::showAnalysis()
{
    m_analysis = std::make_shared<const Analysis>(analyze(*m_inv, {m_settings.threshold}));
    showInvestigation(m_inv);
}

void MainWindow::showInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_overview->setResults(inv, m_analysis);
    m_timeline->setResults(inv, m_analysis);
    m_capabilities->setResults(inv, m_analysis);
    m_accounts->setResults(inv);
    m_families->setResults(inv);
    m_exchanges->setResults(inv);
    m_network->setResults(inv);
    m_why->setInvestigation(inv);
    m_figures->setInvestigation(inv, m_analysis);
}

void MainWindow::editPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted || dialog.settings() == m_settings)
        return;
    const bool thresholdChanged = dialog.settings().threshold != m_settings.threshold;
    if (dialog.settings().theme != m_settings.theme)
        applyTheme(dialog.settings().theme);
    m_settings = dialog.settings();
    m_settings.save();
    if (thresholdChanged && m_inv)
        showAnalysis();
}

PageId MainWindow::currentPage() const { return m_pages->current(); }
void MainWindow::showPage(PageId page) { m_pages->show(page); }
void MainWindow::zoomTimeline(std::int64_t from, std::int64_t to) { m_timeline->zoomTo(from, to); }
void MainWindow::showCluster(std::optional<std::int64_t> clusterId) { m_accounts->showCluster(clusterId); }

WindowViewState MainWindow::viewState() const
{
    WindowViewState s;
    s.geometry = normalGeometry();
    s.layout = saveState();
    s.windowState = windowState();
    s.menuBar = menuBar()->isVisibleTo(this);
    s.statusBar = statusBar()->isVisibleTo(this);
    s.tabBar = m_pages->tabBar()->isVisibleTo(this);
    s.page = currentPage();
    s.selection = m_selection->snapshot();
    s.pages = m_pages->viewStates();
    s.annotations = m_case->panel()->viewState();
    return s;
}

void MainWindow::restoreViewState(const WindowViewState& s)
{
    setWindowState(s.windowState);
    restoreState(s.layout); // docks and toolbars back, so that the minimum size below counts them
    menuBar()->setVisible(s.menuBar);
    statusBar()->setVisible(s.statusBar);
    m_pages->tabBar()->setVisible(s.tabBar);
    // The layouts take in the font the window had first: minimum sizes made for the presentation's
    // larger font would keep the window taller than it was. Not restoreGeometry(): leaving full
    // screen, the platform puts back its own idea of the normal geometry after it.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    setGeometry(s.geometry);
    restoreState(s.layout); // the dock sizes, for that size
    // Widgets hidden while the font changed (docks, the timeline's controls) report their new
    // minimum sizes only once shown and laid out: the size and dock sizes once more after that.
    QTimer::singleShot(0, this, [this, geometry = s.geometry, layout = s.layout] {
        if (m_presentation->isActive())
            return;
        setGeometry(geometry);
        restoreState(layout);
    });
    m_selection->restore(s.selection);
    m_pages->restoreViewStates(s.pages);
    m_case->panel()->restoreViewState(s.annotations);
    showPage(s.page);
}

void MainWindow::setPresenting(std::shared_ptr<const Investigation> shown, std::vector<Annotation> annotations)
{
    const bool on = shown != nullptr;
    showInvestigation(on ? std::move(shown) : m_inv);
    m_timeline->setAnnotations(on ? std::move(annotations) : m_case->controller()->annotations());
    if (on) {
        menuBar()->hide();
        statusBar()->hide();
        for (QToolBar* bar : findChildren<QToolBar*>())
            bar->hide();
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            dock->hide();
    }
    m_pages->setPresenting(on);
}

void MainWindow::updateTitle()
{
    QString title = m_inv ? tr("%1 — Hydrascope").arg(shownEvidence(m_inv->title(), 120)) : tr("Hydrascope");
    // The open case, never with a password (a server case: "case-17 on db.example").
    if (const CaseBackend* c = m_case ? m_case->controller()->caseFile() : nullptr)
        title = tr("%1 — %2").arg(shownEvidence(shortCaseName(c->location()), 80), title);
    setWindowTitle(title);
}

} // namespace hs
