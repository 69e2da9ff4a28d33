// SPDX-License-Identifier: GPL-3.0-or-later
#include "presentationmode.h"

#include "caseactions.h"
#include "casecontroller.h"
#include "loadjob.h"
#include "mainwindow.h"
#include "networkpage.h"
#include "redaction.h"
#include "savedviews.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QScreen>
#include <QStatusBar>

namespace hs {

namespace {
constexpr double kFontScale = 1.6; // readable from the back of a room on a projector
} // namespace

PresentationMode::PresentationMode(MainWindow* window) : QObject(window), m_window(window)
{
    // Named: the shortcut list (F1) shows them under these names.
    addKeys(tr("Presentation: next slide"), {Qt::Key_Right, Qt::Key_Down, Qt::Key_PageDown, Qt::Key_Space}, &PresentationMode::next);
    addKeys(tr("Presentation: previous slide"), {Qt::Key_Left, Qt::Key_Up, Qt::Key_PageUp, Qt::Key_Backspace},
            &PresentationMode::previous);
    addKeys(tr("Presentation: first slide"), {Qt::Key_Home}, &PresentationMode::first);
    addKeys(tr("Presentation: last slide"), {Qt::Key_End}, &PresentationMode::last);
    addKeys(tr("Presentation: leave"), {Qt::Key_Escape}, &PresentationMode::leave);
}

// Window shortcuts: a focused line edit claims its own keys first (ShortcutOverride), and other
// windows (dialogs) never see these.
void PresentationMode::addKeys(const QString& name, const QList<QKeySequence>& keys, void (PresentationMode::*slot)())
{
    auto* action = new QAction(name, this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    action->setEnabled(false);
    connect(action, &QAction::triggered, this, slot);
    m_window->addAction(action);
    m_keys << action;
}

bool PresentationMode::prepare()
{
    const std::shared_ptr<const Investigation> inv = m_window->investigation();
    CaseController* cases = m_window->caseActions()->controller();
    Redactor redactor(RedactionProfile::Policy); // forced: a room is an audience outside the team
    QString error;
    if (!redactor.prepare(*inv, cases->caseFile(), &error)) {
        m_window->statusBar()->showMessage(tr("Presentation mode needs redaction, which failed: %1").arg(error), 8000);
        return false;
    }
    m_shown = redactedCopy(*inv, redactor);
    m_annotations = redactor.annotations(cases->annotations());
    m_slides = presentationSlides(*m_shown, *m_window->analysis(), cases->views());
    for (Slide& slide : m_slides) // view names are the reviewer's, and may quote a hidden value
        slide.title = redactor.scrub(slide.title);
    return true;
}

bool PresentationMode::enter()
{
    if (m_active || !m_window->investigation())
        return false;
    if (m_window->loadJob()->isRunning()) { // its result would replace the redacted views
        m_window->statusBar()->showMessage(tr("Presentation mode starts once the file has loaded"), 5000);
        return false;
    }
    if (!prepare())
        return false;
    m_before = m_window->viewState();
    m_appFont = QApplication::font();
    m_windowMargins = m_window->contentsMargins();

    QFont font = m_appFont;
    font.setPointSizeF(m_appFont.pointSizeF() * kFontScale);
    QApplication::setFont(font); // first: the pages' plots take it up
    m_window->setPresenting(m_shown, m_annotations);
    if (QScreen* screen = m_window->screen()) // without a window manager, full screen is a request only
        m_window->setGeometry(screen->geometry());
    m_window->showFullScreen();
    makeOverlays();
    m_window->installEventFilter(this);
    for (QAction* key : m_keys)
        key->setEnabled(true);
    m_active = true;
    show(0);
    Q_EMIT activeChanged(true);
    return true;
}

void PresentationMode::leave()
{
    if (!m_active)
        return;
    m_active = false;
    m_window->networkPage()->presentCluster(std::nullopt); // a graph still building narrows nothing later
    for (QAction* key : m_keys)
        key->setEnabled(false);
    m_window->removeEventFilter(this);
    delete m_badge;
    delete m_caption;
    m_badge = m_caption = nullptr;
    m_window->setContentsMargins(m_windowMargins);
    QApplication::setFont(m_appFont);
    m_window->setPresenting(nullptr, {});
    m_window->restoreViewState(m_before); // the slides left no trace, not even in the selection history
    m_shown.reset();
    m_annotations.clear();
    Q_EMIT activeChanged(false);
}

void PresentationMode::next()
{
    if (m_active && m_slides[std::size_t(m_slide)].networkCluster && m_window->networkPage()->stepTime(1))
        return; // the network slide moves through time first
    if (m_active && m_slide + 1 < int(m_slides.size()))
        show(m_slide + 1);
}

void PresentationMode::previous()
{
    if (m_active && m_slides[std::size_t(m_slide)].networkCluster && m_window->networkPage()->stepTime(-1))
        return;
    if (m_active && m_slide > 0)
        show(m_slide - 1);
}

void PresentationMode::show(int slide)
{
    if (m_slides.empty() || slide < 0)
        return;
    m_slide = slide;
    const Slide& s = m_slides[std::size_t(slide)];
    m_window->selection()->set(selectionFromSavedView(*m_shown, s.view));
    m_window->showPage(s.view.page);
    if (s.zoomFrom && s.zoomTo)
        m_window->zoomTimeline(*s.zoomFrom, *s.zoomTo);
    m_window->showCluster(s.cluster);
    m_window->networkPage()->presentCluster(s.networkCluster);
    QString caption = QStringLiteral("%1 / %2    %3").arg(slide + 1).arg(m_slides.size()).arg(s.title);
    if (!s.scope.isEmpty()) // a saved view: the audience sees no selection bar
        caption += QStringLiteral("\n") + tr("Shows: %1").arg(s.scope);
    m_caption->setText(caption);
    placeOverlays();
}

// A bar along the bottom: the slide's title and number, and the redaction badge. The pages keep
// clear of it, so it hides nothing.
void PresentationMode::makeOverlays()
{
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
}

void PresentationMode::placeOverlays()
{
    if (!m_badge)
        return;
    const QRect area = m_window->rect();
    m_badge->adjustSize();
    m_caption->setFixedWidth(area.width() - m_badge->width());
    m_caption->setFixedHeight(std::max(m_badge->sizeHint().height(), m_caption->sizeHint().height()));
    m_badge->setFixedHeight(m_caption->height());
    m_caption->move(0, area.bottom() - m_caption->height() + 1);
    m_badge->move(area.right() - m_badge->width() + 1, area.bottom() - m_badge->height() + 1);
    // The window's own margins: its layout keeps the pages above the caption (a QTabWidget lays its
    // pages out over its whole rect, so margins on the central widget were ignored).
    m_window->setContentsMargins(m_windowMargins + QMargins(0, 0, 0, m_caption->height()));
    m_badge->raise();
    m_caption->raise();
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Resize)
        placeOverlays();
    return QObject::eventFilter(watched, event);
}

} // namespace hs
