// SPDX-License-Identifier: GPL-3.0-or-later
#include "opencasedialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hs {

OpenCaseDialog::OpenCaseDialog(QWidget* parent) : QDialog(parent), m_location(new QLineEdit(this))
{
    setWindowTitle(tr("Open case"));
    m_location->setObjectName(QStringLiteral("caseLocation"));
    m_location->setPlaceholderText(tr("/path/to/case.hcase or postgresql://alice@db.example:5432/hydrascope#case-17"));
    m_location->setMinimumWidth(520);
    auto* browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open case"), {}, tr("Hydrascope cases (*.hcase);;All files (*)"));
        if (!path.isEmpty())
            m_location->setText(path);
    });
    auto* label = new QLabel(tr("A case file, or a case on a PostgreSQL server (its name after '#'). The password "
                                "comes from ~/.pgpass, PGPASSWORD or a service file."),
                             this);
    label->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_location, 1);
    row->addWidget(browse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

QString OpenCaseDialog::location() const { return m_location->text().trimmed(); }

} // namespace hs
