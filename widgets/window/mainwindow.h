// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window only composes: menus, the status bar, the loading bar and the pages.

#include "loader.h"
#include "settings.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QPlainTextEdit;
class QTabWidget;

namespace hs {

class AccountsPage;
class CaseActions;
class ExchangesPage;
class OverviewPage;
class PresentationMode;
class FamiliesPage;
class SelectionBar;
class SelectionJob;
class CapabilitiesPage;
class LoadJob;
class SelectionState;
class TimelinePage;
struct Analysis;
struct Annotation;
struct SavedView;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void openFile(const QString& path);
    std::shared_ptr<const Investigation> investigation() const { return m_inv; }
    LoadJob* loadJob() const { return m_job; }
    SelectionState* selection() const { return m_selection; }
    TimelinePage* timelinePage() const { return m_timeline; }
    QTabWidget* pages() const { return m_pages; }
    CaseActions* caseActions() const { return m_case; }
    PresentationMode* presentation() const { return m_presentation; }

    QStringList recentFiles() const;
    // Every view onto `inv` (the open investigation, or presentation mode's redacted copy of it),
    // keeping the selection.
    void showInvestigation(std::shared_ptr<const Investigation> inv);
    std::shared_ptr<const Analysis> analysis() const { return m_analysis; }
    AccountsPage* accountsPage() const { return m_accounts; }
    CapabilitiesPage* capabilitiesPage() const { return m_capabilities; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override; // remembers the window and dock layout
    void changeEvent(QEvent* event) override;     // a new theme: plots and charts follow

private:
    void createMenus();
    void fillRecentMenu();
    void rememberFile(const QString& path);
    void chooseFile();
    void onProgress(const QString& phase, double fraction);
    void onLoaded(const QString& path, const LoadResult& result);
    void showFindings(const Findings& findings);
    void updateTitle();
    void updateEvidenceLabel();
    void jumpTo(const Annotation& a);
    void applySavedView(const SavedView& view);
    void showPage(QWidget* page);
    void editPreferences();
    void showAnalysis(); // figures at the configured threshold into the pages that show them

    LoadJob* m_job = nullptr;
    SelectionState* m_selection = nullptr;
    SelectionBar* m_selectionBar = nullptr;
    QLabel* m_filterLabel = nullptr;
    QTabWidget* m_pages = nullptr;
    TimelinePage* m_timeline = nullptr;
    CapabilitiesPage* m_capabilities = nullptr;
    SelectionJob* m_figures = nullptr;
    AccountsPage* m_accounts = nullptr;
    FamiliesPage* m_families = nullptr;
    ExchangesPage* m_exchanges = nullptr;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const Analysis> m_analysis;
    OverviewPage* m_overview = nullptr;
    QPlainTextEdit* m_findings = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_evidenceLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    CaseActions* m_case = nullptr;
    PresentationMode* m_presentation = nullptr;
    Settings m_settings = Settings::load();
};

} // namespace hs
