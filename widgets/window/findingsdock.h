// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Findings dock: what validating the open file found, one finding a line, as plain text
// (evidence text is never markup).

#include "findings.h"

#include <QDockWidget>

class QPlainTextEdit;

namespace hs {

class FindingsDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit FindingsDock(QWidget* parent = nullptr);
    void setFindings(const Findings& findings);

private:
    QPlainTextEdit* m_text;
};

} // namespace hs
