// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case in the dashboard: File > New case / Open case, Edit > Undo / Redo, saved views, the
// Annotations dock and its dialogs, and the check that the open evidence is the case's own
// (a mismatch is told plainly and recorded in the audit log). MainWindow composes it.

#include "casedata.h"
#include "investigation.h"

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace hs {

class AnnotationsModel;
class AnnotationsPanel;
class CaseController;
class SelectionState;
struct TimeRange;

class CaseActions final : public QObject
{
    Q_OBJECT
public:
    static QString defaultReviewer(); // for a new case: the name Preferences shows
    // `currentPage` names the page a saved view records.
    CaseActions(QMainWindow* window, std::function<PageId()> currentPage, SelectionState* selection);

    CaseController* controller() const { return m_controller; }
    AnnotationsPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    void addFileActions(QMenu* file);
    void fillCaseMenu(QMenu* menu);
    void addEditActions(QMenu* edit);

    void setInvestigation(std::shared_ptr<const Investigation> inv); // after every load
    void openCase(const QString& path);
    void createCase(const QString& path, const QString& reviewer);
    void newAnnotation(); // prefilled from the selection (its range, its one campaign)
    void annotateAccount(std::int64_t accountId); // a new annotation of this account (evidence id)
    QString evidenceStatus() const; // for the status bar

Q_SIGNALS:
    void openEvidenceRequested(const QString& path);
    void jumpRequested(const hs::Annotation& a);
    void savedViewRequested(const hs::SavedView& view);
    void statusChanged();
    void caseOpened(const QString& location); // for the recent list (never with a password)

private:
    void chooseNewCase();
    void chooseCase();
    void editAnnotation(const Annotation& a);
    void showDialog(const Annotation& initial);
    void saveCurrentView();
    void fillViewsMenu();
    void checkEvidence();
    void onCaseChanged();
    void updateEditable(); // what this user may do with the open case, and why not
    void warn(const QString& title, const QString& text);
    void resolveConflict(const Annotation& mine, const QString& message);

    QMainWindow* m_window;
    std::function<PageId()> m_currentPage;
    SelectionState* m_selection;
    CaseController* m_controller;
    AnnotationsModel* m_model;
    AnnotationsPanel* m_panel;
    QDockWidget* m_dock;
    QMenu* m_viewsMenu = nullptr;
    QList<QAction*> m_caseOnly; // enabled while a case is open
    QList<QAction*> m_editOnly; // enabled while the open case may be edited
    std::shared_ptr<const Investigation> m_inv;
    QString m_checkedHash; // the evidence hash already compared with this case
    bool m_mismatch = false;
};

} // namespace hs
