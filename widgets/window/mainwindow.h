// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The main window only composes: menus, the status bar, the loading bar and the pages.

#include "loader.h"
#include "pageset.h"
#include "pageid.h"
#include "settings.h"
#include "windowviewstate.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hs {

class AccountsPage;
class CaseActions;
class ExchangesPage;
class OverviewPage;
class PresentationMode;
class FamiliesPage;
class FindingsDock;
class FlagReasonsDock;
class SelectionBar;
class SelectionJob;
class CapabilitiesPage;
class LoadJob;
class NetworkPage;
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
    PageSet* pages() const { return m_pages; }
    CaseActions* caseActions() const { return m_case; }
    PresentationMode* presentation() const { return m_presentation; }

    QStringList recentFiles() const;
    // Every view onto `inv` (the open investigation, or presentation mode's redacted copy of it),
    // keeping the selection.
    void showInvestigation(std::shared_ptr<const Investigation> inv);
    std::shared_ptr<const Analysis> analysis() const { return m_analysis; }
    AccountsPage* accountsPage() const { return m_accounts; }
    CapabilitiesPage* capabilitiesPage() const { return m_capabilities; }
    FamiliesPage* familiesPage() const { return m_families; }
    ExchangesPage* exchangesPage() const { return m_exchanges; }
    NetworkPage* networkPage() const { return m_network; }

    // The view state, to put back exactly (presentation mode; windowviewstate.h).
    WindowViewState viewState() const;
    void restoreViewState(const WindowViewState& state);
    PageId currentPage() const;
    void showPage(PageId page);
    void zoomTimeline(std::int64_t from, std::int64_t to);
    void showCluster(std::optional<std::int64_t> clusterId); // the accounts page narrowed to one (evidence id)
    // Presentation mode's look: `shown` (a redacted copy) and `annotations` on the pages, no menus,
    // status bar, toolbars, docks or tabs, plots in the application's font. Null: the open
    // investigation and the case's annotations again (restoreViewState() brings the rest back).
    void setPresenting(std::shared_ptr<const Investigation> shown, std::vector<Annotation> annotations);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override; // remembers the window and dock layout
    void changeEvent(QEvent* event) override;     // a new theme: plots and charts follow
    void showEvent(QShowEvent* event) override;   // the docks' first height, for the window's size

private:
    void createMenus();
    void chooseFile();
    void onProgress(const QString& phase, double fraction);
    void onLoaded(const QString& path, const LoadResult& result);
    void updateTitle();
    void updateEvidenceLabel();
    void editPreferences();
    void showAnalysis(); // figures at the configured threshold into the pages that show them
    void sizeDocksOnce();

    LoadJob* m_job = nullptr;
    bool m_docksSized = false; // by the saved layout, or once for the first size shown
    SelectionState* m_selection = nullptr;
    SelectionBar* m_selectionBar = nullptr;
    QLabel* m_filterLabel = nullptr;
    PageSet* m_pages = nullptr;
    TimelinePage* m_timeline = nullptr;
    CapabilitiesPage* m_capabilities = nullptr;
    SelectionJob* m_figures = nullptr;
    AccountsPage* m_accounts = nullptr;
    FamiliesPage* m_families = nullptr;
    ExchangesPage* m_exchanges = nullptr;
    NetworkPage* m_network = nullptr;
    std::shared_ptr<const Investigation> m_inv;
    std::shared_ptr<const Analysis> m_analysis;
    OverviewPage* m_overview = nullptr;
    FindingsDock* m_findings = nullptr;
    FlagReasonsDock* m_why = nullptr; // "Why flagged"
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_evidenceLabel = nullptr;
    CaseActions* m_case = nullptr;
    PresentationMode* m_presentation = nullptr;
    Settings m_settings = Settings::load();
};

} // namespace hs
