// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseactions.h"

#include "annotationdialog.h"
#include "annotationsmodel.h"
#include "annotationspanel.h"
#include "casecontroller.h"
#include "caselocation.h"
#include "displaytext.h"
#include "opencasedialog.h"
#include "savedviews.h"
#include "selection.h"
#include "settings.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

namespace hs {
CaseActions::CaseActions(QMainWindow* window, std::function<PageId()> currentPage, SelectionState* selection)
    : QObject(window), m_window(window), m_currentPage(std::move(currentPage)), m_selection(selection)
{
    m_controller = new CaseController(this);
    m_model = new AnnotationsModel(this);
    m_panel = new AnnotationsPanel(m_model, window);
    m_dock = new QDockWidget(tr("Annotations"), window);
    m_dock->setObjectName(QStringLiteral("annotationsDock"));
    m_dock->setWidget(m_panel);
    connect(m_controller, &CaseController::annotationsChanged, this,
            [this] { m_model->setAnnotations(m_controller->annotations(), m_inv); });
    connect(m_controller, &CaseController::caseChanged, this, &CaseActions::onCaseChanged);
    connect(m_controller, &CaseController::editFailed, this,
            [this](const QString& message) { warn(tr("The case was not changed"), message); });
    connect(m_controller, &CaseController::conflicted, this, &CaseActions::resolveConflict);
    connect(m_controller, &CaseController::changedElsewhere, this, [this](const QString& summary) {
        if (!summary.isEmpty())
            m_window->statusBar()->showMessage(summary, 15000);
    });
    connect(m_panel, &AnnotationsPanel::newRequested, this, &CaseActions::newAnnotation);
    connect(m_panel, &AnnotationsPanel::editRequested, this, &CaseActions::editAnnotation);
    connect(m_panel, &AnnotationsPanel::deleteRequested, m_controller, &CaseController::removeAnnotation);
    connect(m_panel, &AnnotationsPanel::jumpRequested, this, &CaseActions::jumpRequested);
    connect(m_controller, &CaseController::connectionChanged, this, [this](bool connected) {
        onCaseChanged();
        Q_EMIT statusChanged();
        const QString name = shortCaseName(m_controller->caseFile()->location());
        m_window->statusBar()->showMessage(connected ? tr("Reconnected to %1: edits are possible again").arg(name)
                                                     : tr("Lost the connection to %1: reconnecting").arg(name),
                                           15000);
    });
}

void CaseActions::addFileActions(QMenu* file)
{
    file->addAction(tr("&New case..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this, &CaseActions::chooseNewCase);
    file->addAction(tr("Open &case..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, &CaseActions::chooseCase);
}

void CaseActions::fillCaseMenu(QMenu* menu)
{
    QAction* annotate = menu->addAction(tr("&Annotate..."), QKeySequence(Qt::CTRL | Qt::Key_M), this, &CaseActions::newAnnotation);
    QAction* save = menu->addAction(tr("&Save current view..."), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                                    &CaseActions::saveCurrentView);
    m_viewsMenu = menu->addMenu(tr("Saved &views"));
    connect(m_viewsMenu, &QMenu::aboutToShow, this, &CaseActions::fillViewsMenu);
    menu->addSeparator();
    menu->addAction(m_dock->toggleViewAction());
    m_caseOnly = {annotate, save, m_viewsMenu->menuAction()};
    m_editOnly = {annotate, save};
    onCaseChanged();
}

void CaseActions::addEditActions(QMenu* edit)
{
    QAction* undo = m_controller->undoStack()->createUndoAction(edit, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_controller->undoStack()->createRedoAction(edit, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
}

void CaseActions::onCaseChanged()
{
    const bool open = m_controller->isOpen();
    for (QAction* a : std::as_const(m_caseOnly))
        a->setEnabled(open);
    m_checkedHash.clear();
    m_mismatch = false;
    QString description;
    if (open) {
        const CaseBackend* c = m_controller->caseFile();
        // A shared case names who is signed in (the server's role, under which edits are
        // recorded); the case's reviewer is only the one who created it.
        description = isServerLocation(c->location())
                          ? tr("Case %1 (created by %2) · you are %3").arg(shortCaseName(c->location()), c->info().reviewer, c->actor())
                          : tr("Case %1 · reviewer %2").arg(shortCaseName(c->location()), c->info().reviewer);
        if (!m_controller->isConnected())
            description += tr(" · SERVER UNREACHABLE: shown as last read, edits refused, reconnecting");
        else if (QString why; !m_controller->mayEdit(&why))
            description += tr(" · read only: %1").arg(why);
        m_dock->show();
        m_dock->raise();
    }
    m_panel->setCaseOpen(open, description);
    updateEditable();
    // No evidence check here: a case just opened is compared once its own evidence is open
    // (openCase), never against whatever file happened to be open before.
    Q_EMIT statusChanged();
}

void CaseActions::updateEditable()
{
    QString why;
    const bool editable = m_controller->mayEdit(&why);
    m_panel->setEditable(editable, why);
    for (QAction* a : std::as_const(m_editOnly)) {
        a->setEnabled(m_controller->isOpen() && editable);
        a->setStatusTip(editable ? QString() : why);
        a->setToolTip(editable ? QString() : why);
    }
}

QString CaseActions::evidenceStatus() const
{
    if (!m_controller->isOpen())
        return {};
    const QString name = shortCaseName(m_controller->caseFile()->location());
    const QString away = m_controller->isConnected() ? QString() : tr(" · SERVER UNREACHABLE (read only, reconnecting)");
    return (m_mismatch ? tr("Case %1: EVIDENCE DOES NOT MATCH").arg(name) : tr("Case %1").arg(name)) + away;
}

// Another reviewer saved first: say who and when, and let this one keep theirs or overwrite.
void CaseActions::resolveConflict(const Annotation& mine, const QString& message)
{
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Changed by someone else"),
                                tr("Your edit of \"%1\" was not saved: %2.").arg(shownEvidence(mine.title, 120), message), QMessageBox::NoButton,
                                m_window);
    box->setObjectName(QStringLiteral("conflictBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Reload keeps the version now stored (shown in the Annotations panel) and drops your "
                               "changes. Overwrite saves your version over it. The audit log keeps both."));
    QPushButton* reload = box->addButton(tr("Reload"), QMessageBox::RejectRole);
    reload->setObjectName(QStringLiteral("reload"));
    QPushButton* overwrite = box->addButton(tr("Overwrite with mine"), QMessageBox::AcceptRole);
    overwrite->setObjectName(QStringLiteral("overwrite"));
    box->setDefaultButton(reload); // Enter or Escape never writes over a colleague's work
    box->setEscapeButton(reload);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, mine, overwrite](QAbstractButton* clicked) {
        if (clicked == overwrite)
            m_controller->overwrite(mine);
    });
    box->open();
    reload->setFocus();
}

void CaseActions::warn(const QString& title, const QString& text)
{
    // Window-modal and asynchronous: the dashboard keeps painting, and tests can answer it.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void CaseActions::setInvestigation(std::shared_ptr<const Investigation> inv)
{
    m_inv = std::move(inv);
    m_model->setAnnotations(m_controller->annotations(), m_inv); // names of the new evidence
    checkEvidence();
}

void CaseActions::checkEvidence()
{
    if (!m_controller->isOpen() || !m_inv || m_inv->evidence.sha256.isEmpty() || m_checkedHash == m_inv->evidence.sha256)
        return;
    m_checkedHash = m_inv->evidence.sha256;
    CaseBackend* c = m_controller->caseFile();
    const CaseInfo info = c->info();
    m_mismatch = m_inv->evidence.sha256 != info.evidenceSha256;
    if (!m_mismatch) {
        if (QFileInfo(m_inv->evidence.path).absoluteFilePath() != info.evidencePath)
            c->setEvidencePath(m_inv->evidence.path); // found somewhere new: remember where
        Q_EMIT statusChanged();
        return;
    }
    const QString detail = tr("The open evidence %1 has SHA-256 %2; the case was made for %3 with SHA-256 %4.")
                               .arg(m_inv->evidence.fileName, m_inv->evidence.sha256, info.evidenceName, info.evidenceSha256);
    c->record(QStringLiteral("evidence-mismatch"), QStringLiteral("evidence"), detail);
    warn(tr("The evidence does not match this case"),
         tr("This is not the evidence file the case was made for, or the file has changed since.\n\n%1\n\n"
            "Figures may differ from those the annotations were made on. The mismatch is recorded in the case's "
            "audit log.").arg(detail));
    Q_EMIT statusChanged();
}

void CaseActions::chooseNewCase()
{
    if (!m_inv) {
        warn(tr("No evidence open"), tr("Open the evidence file first: a case is made for one evidence file."));
        return;
    }
    const QString suggested = QFileInfo(m_inv->evidence.path).absoluteDir().filePath(
        QFileInfo(m_inv->evidence.fileName).completeBaseName() + QStringLiteral(".hcase"));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("New case"), suggested, tr("Hydrascope cases (*.hcase)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString reviewer = QInputDialog::getText(m_window, tr("New case"), tr("Reviewer:"), QLineEdit::Normal,
                                                   defaultReviewer(), &ok);
    if (ok && !reviewer.trimmed().isEmpty())
        createCase(path, reviewer.trimmed());
}

// The name Edit > Preferences shows (PreferencesDialog fills its field with the same).
QString CaseActions::defaultReviewer() { return Settings::load().reviewerOrUser(); }

void CaseActions::createCase(const QString& path, const QString& reviewer)
{
    if (!m_inv)
        return;
    // Never replaces a file, even after the save dialog's "replace?": it could be evidence.
    QString error;
    if (!m_controller->create(path, m_inv->evidence, reviewer, m_inv->title(), &error))
        warn(tr("Cannot create the case"), error);
    else
        checkEvidence();
}

void CaseActions::chooseCase()
{
    auto* dialog = new OpenCaseDialog(m_window);
    dialog->setObjectName(QStringLiteral("openCaseDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->location().isEmpty())
            openCase(dialog->location());
    });
    dialog->open();
}

void CaseActions::openCase(const QString& path)
{
    QString error;
    if (!m_controller->open(path, &error)) {
        warn(tr("Cannot open the case"), error);
        return;
    }
    CaseBackend* c = m_controller->caseFile();
    c->record(QStringLiteral("opened"), QStringLiteral("case"), tr("Opened in the dashboard"));
    Q_EMIT caseOpened(c->location());
    if (m_inv && m_inv->evidence.sha256 == c->info().evidenceSha256) {
        checkEvidence(); // its evidence is open already, wherever it lies
        return;
    }
    QString evidence = locateEvidence(c->info(), c->location());
    if (evidence.isEmpty()) {
        QMessageBox box(QMessageBox::Information, tr("Where is the evidence?"),
                        tr("The evidence file %1 is no longer at %2, nor beside the case. Choose where it is now; "
                           "its SHA-256 is checked against the case.")
                            .arg(c->info().evidenceName, c->info().evidencePath),
                        QMessageBox::Ok, m_window);
        box.setTextFormat(Qt::PlainText); // the names come from the case file
        box.exec();
        evidence = QFileDialog::getOpenFileName(m_window, tr("Locate %1").arg(c->info().evidenceName),
                                                isServerLocation(c->location()) ? QString()
                                                    : QFileInfo(c->location()).absolutePath()); // evidence is kept beside its case
        if (evidence.isEmpty())
            return;
    }
    if (m_inv && QFileInfo(m_inv->evidence.path).absoluteFilePath() == QFileInfo(evidence).absoluteFilePath())
        checkEvidence();
    else
        Q_EMIT openEvidenceRequested(evidence); // checked when it has loaded
}

void CaseActions::newAnnotation()
{
    if (!m_controller->isOpen())
        return;
    Annotation a;
    const Selection& s = m_selection->current();
    if (s.range) {
        a.kind = AnnotationKind::Range;
        a.from = s.range->from;
        a.to = s.range->to;
    } else if (m_inv && !s.groups.empty() && std::count(s.groups.begin(), s.groups.end(), true) == 1) {
        const auto g = static_cast<std::uint32_t>(std::find(s.groups.begin(), s.groups.end(), true) - s.groups.begin());
        if (g < m_inv->campaigns.size()) {
            a.kind = AnnotationKind::Campaign;
            a.target = m_inv->campaigns[g].id;
        }
    }
    showDialog(a);
}

void CaseActions::annotateAccount(std::int64_t accountId)
{
    if (!m_controller->isOpen())
        return;
    Annotation a;
    a.kind = AnnotationKind::Account;
    a.target = accountId;
    showDialog(a);
}

void CaseActions::editAnnotation(const Annotation& a) { showDialog(a); }

void CaseActions::showDialog(const Annotation& initial)
{
    auto* dialog = new AnnotationDialog(m_inv, initial, m_window);
    dialog->setObjectName(QStringLiteral("annotationDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Annotation a = dialog->annotation();
        if (a.id)
            m_controller->editAnnotation(a);
        else
            m_controller->addAnnotation(a);
    });
    dialog->open();
}

void CaseActions::saveCurrentView()
{
    if (!m_inv || !m_controller->isOpen())
        return;
    bool ok = false;
    // A saved view keeps groups, range, model and capability (the case file's fields); an account
    // filter is not among them, and the dialog says so rather than drop it silently.
    const QString label = m_selection->current().account
        ? tr("Name (the account filter is not saved: the view shows its whole campaign):")
        : tr("Name:");
    const QString name = QInputDialog::getText(m_window, tr("Save current view"), label, QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    for (const SavedView& v : m_controller->views()) {
        if (v.name == name.trimmed()
            && QMessageBox::question(m_window, tr("Replace saved view?"),
                                     tr("A saved view named \"%1\" exists. Replace it?").arg(v.name.toHtmlEscaped()))
                   != QMessageBox::Yes)
            return;
    }
    m_controller->saveView(savedViewFromSelection(*m_inv, m_selection->current(), name.trimmed(), m_currentPage()));
}

void CaseActions::fillViewsMenu()
{
    m_viewsMenu->clear();
    for (const SavedView& v : m_controller->views()) {
        QAction* a = m_viewsMenu->addAction(QString(v.name).replace(QLatin1Char('&'), QStringLiteral("&&")));
        connect(a, &QAction::triggered, this, [this, v] { Q_EMIT savedViewRequested(v); });
    }
    if (m_viewsMenu->isEmpty())
        m_viewsMenu->addAction(tr("(none yet: Case > Save current view...)"))->setEnabled(false);
}

} // namespace hs
