// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Open recent: the ten files and cases (also on a server) opened last, newest first, kept across sessions.

#include <QObject>
#include <QStringList>

#include <functional>

class QMenu;

namespace hs {

class RecentFiles final : public QObject
{
    Q_OBJECT
public:
    // Fills `menu` each time it opens; a chosen file goes to `open`.
    RecentFiles(QMenu* menu, std::function<void(const QString&)> open);

    static QStringList files();
    static void remember(const QString& path);

private:
    void fill();

    QMenu* m_menu;
    std::function<void(const QString&)> m_open;
};

} // namespace hs
