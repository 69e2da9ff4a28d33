// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// View > Presentation mode (F5): the dashboard full screen for a room. Large fonts and thick
// lines, no menus, toolbars or docks, the "policy" redaction forced on (a badge says so), and
// the slides of presentation.h stepped with the arrow keys under a slide counter.
//
// It works through the window alone: it takes the window's view state (windowviewstate.h) when
// it starts and restores it on Esc, so the window is exactly as it was; the slides are shown with
// the window's own navigation. Its keys are window shortcuts, enabled only while it runs, so a
// line edit (the window's or a dialog's) keeps Space, Backspace and the arrows.

#include "presentation.h"
#include "windowviewstate.h"

#include <QFont>
#include <QMargins>
#include <QObject>

class QAction;
class QLabel;

namespace hs {

class MainWindow;

class PresentationMode final : public QObject
{
    Q_OBJECT
public:
    explicit PresentationMode(MainWindow* window);

    bool isActive() const { return m_active; }
    bool enter(); // false (with a status message) when nothing is open or redaction failed
    void leave();
    void toggle() { m_active ? leave() : (void)enter(); }
    void next();
    void previous();
    int slideIndex() const { return m_slide; }
    const std::vector<Slide>& slides() const { return m_slides; }
    QLabel* badge() const { return m_badge; }
    QLabel* caption() const { return m_caption; }

Q_SIGNALS:
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) final; // the window's resizes, to place the bar

private:
    void addKeys(const QString& name, const QList<QKeySequence>& keys, void (PresentationMode::*slot)());
    bool prepare(); // the redacted copy and the slides
    void show(int slide);
    void first() { show(0); }
    void last() { show(int(m_slides.size()) - 1); }
    void makeOverlays();
    void placeOverlays();

    MainWindow* m_window;
    QList<QAction*> m_keys; // enabled only while presenting
    bool m_active = false;
    std::vector<Slide> m_slides;
    int m_slide = 0;
    std::shared_ptr<const Investigation> m_shown; // the redacted copy on screen
    std::vector<Annotation> m_annotations;        // the case's, redacted
    QLabel* m_badge = nullptr;
    QLabel* m_caption = nullptr;
    // What leaving restores.
    WindowViewState m_before;
    QFont m_appFont;
    QMargins m_windowMargins;
};

} // namespace hs
