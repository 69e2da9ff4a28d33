// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsdock.h"

#include <QPlainTextEdit>

namespace hs {

FindingsDock::FindingsDock(QWidget* parent) : QDockWidget(tr("Findings"), parent)
{
    setObjectName(QStringLiteral("findingsDock")); // the window's saved layout names it
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Validation findings"));
    setWidget(m_text);
}

void FindingsDock::setFindings(const Findings& findings)
{
    QStringList lines;
    for (const Finding& f : findings.items())
        lines << f.toText();
    m_text->setPlainText(lines.isEmpty() ? tr("No findings: the file follows the format.") : lines.join(QLatin1Char('\n')));
}

} // namespace hs
