// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// View > Presentation mode (F5): the dashboard full screen for a room. Large fonts and thick
// lines, no menus, toolbars or docks, the "policy" redaction forced on (a badge says so), and
// the slides of presentation.h stepped with the arrow keys under a slide counter. Esc restores
// the window, the views, the selection and the page exactly as they were.

#include "presentation.h"
#include "selection.h"

#include <QByteArray>
#include <QFont>
#include <QObject>

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
    bool eventFilter(QObject* watched, QEvent* event) final;

private:
    void show(int slide);
    void placeOverlays();
    void scaleFonts(double factor);
    void fitSmallTables();

    MainWindow* m_window;
    bool m_active = false;
    std::vector<Slide> m_slides;
    int m_slide = 0;
    std::shared_ptr<const Investigation> m_shown; // the redacted copy on screen
    QLabel* m_badge = nullptr;
    QLabel* m_caption = nullptr;
    // What leaving restores.
    QByteArray m_geometry, m_state;
    Qt::WindowStates m_windowState;
    SelectionState::Snapshot m_selection;
    QString m_accountsFilter, m_clustersFilter;
    int m_page = 0;
    QFont m_appFont;
};

} // namespace hs
