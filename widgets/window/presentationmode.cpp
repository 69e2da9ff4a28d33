// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentationmode.h"

#include "accountspage.h"
#include "caseactions.h"
#include "loadjob.h"
#include "casecontroller.h"
#include "mainwindow.h"
#include "qcustomplotshim.h"
#include "redaction.h"
#include "savedviews.h"
#include "tablepanel.h"
#include "timelinepage.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QLegend>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabBar>
#include <QScreen>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

namespace hs {

namespace {
constexpr double kFontScale = 1.6; // readable from the back of a room on a projector
} // namespace

PresentationMode::PresentationMode(MainWindow* window) : QObject(window), m_window(window) {}

bool PresentationMode::enter()
{
    const std::shared_ptr<const Investigation> inv = m_window->investigation();
    if (m_active || !inv)
        return false;
    if (m_window->loadJob()->isRunning()) { // its result would replace the redacted views
        m_window->statusBar()->showMessage(tr("Presentation mode starts once the file has loaded"), 5000);
        return false;
    }
    CaseController* cases = m_window->caseActions()->controller();
    Redactor redactor(RedactionProfile::Policy); // forced: a room is an audience outside the team
    QString error;
    if (!redactor.prepare(*inv, cases->caseFile(), &error)) {
        m_window->statusBar()->showMessage(tr("Presentation mode needs redaction, which failed: %1").arg(error), 8000);
        return false;
    }
    m_shown = redactedCopy(*inv, redactor);
    m_slides = presentationSlides(*m_shown, *m_window->analysis(), cases->views());
    for (Slide& slide : m_slides) // view names are the reviewer's, and may quote a hidden value
        slide.title = redactor.scrub(slide.title);
    m_geometry = m_window->saveGeometry();
    m_state = m_window->saveState();
    m_windowState = m_window->windowState();
    m_selection = m_window->selection()->snapshot();
    m_accountsFilter = m_window->accountsPage()->accounts()->filterText();
    m_clustersFilter = m_window->accountsPage()->clusters()->filterText();
    m_page = m_window->pages()->currentIndex();
    m_appFont = QApplication::font();

    m_window->showInvestigation(m_shown);
    m_window->timelinePage()->setAnnotations(redactor.annotations(cases->annotations()));
    m_window->menuBar()->hide();
    m_window->statusBar()->hide();
    for (QToolBar* bar : m_window->findChildren<QToolBar*>())
        bar->hide();
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        dock->hide();
    m_window->pages()->tabBar()->hide();
    m_window->timelinePage()->setPresentation(true);
    scaleFonts(kFontScale);
    if (QScreen* screen = m_window->screen()) // without a window manager, full screen is a request only
        m_window->setGeometry(screen->geometry());
    m_window->showFullScreen();

    // A bar along the bottom: the slide's title and number, and the redaction badge. The pages keep
    // clear of it, so it hides nothing.
    m_caption = new QLabel(m_window);
    m_caption->setObjectName(QStringLiteral("presentationCaption"));
    m_caption->setTextFormat(Qt::PlainText); // slide titles hold campaign and view names
    m_caption->setStyleSheet(QStringLiteral("background: #202124; color: white; padding: 10px 18px;"));
    m_badge = new QLabel(tr("REDACTED · policy profile"), m_window);
    m_badge->setToolTip(tr("Account references, payment fingerprints, indicator values and prompt samples are shown "
                           "as pseudonyms"));
    m_badge->setObjectName(QStringLiteral("presentationBadge"));
    m_badge->setTextFormat(Qt::PlainText);
    m_badge->setStyleSheet(QStringLiteral("background: #b00020; color: white; font-weight: bold; padding: 10px 18px;"));
    for (QLabel* label : {m_caption, m_badge}) {
        label->setFont(QApplication::font());
        label->show();
    }
    qApp->installEventFilter(this);
    m_active = true;
    show(0);
    Q_EMIT activeChanged(true);
    return true;
}

void PresentationMode::leave()
{
    if (!m_active)
        return;
    qApp->removeEventFilter(this);
    m_active = false;
    delete m_badge;
    delete m_caption;
    m_badge = m_caption = nullptr;
    m_window->pages()->setContentsMargins(0, 0, 0, 0);
    QApplication::setFont(m_appFont);
    scaleFonts(1.0);
    m_window->timelinePage()->setPresentation(false);
    m_window->showInvestigation(m_window->investigation());
    m_window->timelinePage()->setAnnotations(m_window->caseActions()->controller()->annotations());
    m_shown.reset();
    m_window->menuBar()->show();
    m_window->statusBar()->show();
    m_window->pages()->tabBar()->show();
    m_window->setWindowState(m_windowState);
    m_window->restoreState(m_state);
    m_window->restoreGeometry(m_geometry);
    m_window->selection()->restore(m_selection); // with its back/forward history
    m_window->accountsPage()->accounts()->setFilterText(m_accountsFilter);
    m_window->accountsPage()->clusters()->setFilterText(m_clustersFilter);
    m_window->pages()->setCurrentIndex(m_page);
    fitSmallTables(); // back to the normal font's widths
    Q_EMIT activeChanged(false);
}

void PresentationMode::next()
{
    if (m_active && m_slide + 1 < int(m_slides.size()))
        show(m_slide + 1);
}

void PresentationMode::previous()
{
    if (m_active && m_slide > 0)
        show(m_slide - 1);
}

void PresentationMode::show(int slide)
{
    if (m_slides.empty())
        return;
    m_slide = slide;
    const Slide& s = m_slides[std::size_t(slide)];
    m_window->selection()->set(selectionFromSavedView(*m_shown, s.view));
    if (QWidget* page = m_window->pages()->findChild<QWidget*>(s.view.page))
        m_window->pages()->setCurrentWidget(page);
    if (s.zoomFrom && s.zoomTo)
        m_window->timelinePage()->zoomTo(*s.zoomFrom, *s.zoomTo);
    m_window->accountsPage()->clusters()->setFilterText(s.clusterFilter);
    m_window->accountsPage()->accounts()->setFilterText(s.clusterFilter); // the cluster's accounts
    m_caption->setText(QStringLiteral("%1 / %2    %3").arg(slide + 1).arg(m_slides.size()).arg(s.title));
    placeOverlays();
}

void PresentationMode::placeOverlays()
{
    if (!m_badge)
        return;
    const QRect area = m_window->rect();
    m_badge->adjustSize();
    m_caption->setFixedWidth(area.width() - m_badge->width());
    m_caption->setFixedHeight(m_badge->height());
    m_caption->move(0, area.bottom() - m_caption->height() + 1);
    m_badge->move(area.right() - m_badge->width() + 1, area.bottom() - m_badge->height() + 1);
    m_window->pages()->setContentsMargins(0, 0, 0, m_badge->height());
    m_badge->raise();
    m_caption->raise();
}

// Plots and charts copy their fonts when made: scale them along with the application's.
void PresentationMode::scaleFonts(double factor)
{
    QFont font = m_appFont;
    font.setPointSizeF(m_appFont.pointSizeF() * factor);
    if (factor != 1.0)
        QApplication::setFont(font);
    for (QCustomPlot* plot : m_window->findChildren<QCustomPlot*>()) {
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setLabelFont(font);
            axis->setTickLabelFont(font);
        }
        plot->legend->setFont(font);
        plot->replot();
    }
    fitSmallTables();
    for (QChartView* view : m_window->findChildren<QChartView*>()) {
        QChart* chart = view->chart();
        chart->setTitleFont(font);
        chart->legend()->setFont(font);
        const auto axes = chart->axes();
        for (QAbstractAxis* axis : axes)
            axis->setLabelsFont(font);
    }
}

// Small tables fit their columns to the font once it has reached them.
void PresentationMode::fitSmallTables()
{
    QTimer::singleShot(0, m_window, [window = m_window] {
        for (QTableView* table : window->findChildren<QTableView*>())
            if (table->model() && table->model()->rowCount() <= 200)
                table->resizeColumnsToContents();
    });
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize && watched == m_window)
        placeOverlays();
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    switch (static_cast<QKeyEvent*>(event)->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        next();
        return true;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        previous();
        return true;
    case Qt::Key_Home:
        show(0);
        return true;
    case Qt::Key_End:
        show(int(m_slides.size()) - 1);
        return true;
    case Qt::Key_Escape:
    case Qt::Key_F5:
        leave();
        return true;
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace hs
