// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfiles.h"

#include "caselocation.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace hs {

RecentFiles::RecentFiles(QMenu* menu, std::function<void(const QString&)> open)
    : QObject(menu), m_menu(menu), m_open(std::move(open))
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentFiles::fill);
}

QStringList RecentFiles::files()
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void RecentFiles::remember(const QString& path)
{
    QStringList list = files();
    // A case on a server is kept as its URI without a password: libpq finds that again where it
    // keeps it (a masked "***" would be sent as the password).
    const QString absolute = isServerLocation(path) ? locationWithoutPassword(path) : QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings().setValue(QStringLiteral("recentFiles"), QStringList(list.mid(0, 10)));
}

void RecentFiles::fill()
{
    m_menu->clear();
    for (const QString& path : files()) {
        QAction* a = m_menu->addAction(QString(path).replace(QLatin1Char('&'), QStringLiteral("&&")));
        connect(a, &QAction::triggered, this, [this, path] { m_open(path); });
    }
    if (m_menu->isEmpty())
        m_menu->addAction(tr("(none yet)"))->setEnabled(false);
}

} // namespace hs
