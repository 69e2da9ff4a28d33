// SPDX-License-Identifier: GPL-3.0-or-later
#include "opencasedialog.h"

#include "caselocation.h"

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
    // A password typed into the location works, but sits on screen in clear while typed: say
    // where it belongs, and that it is kept nowhere (the recent list keeps the location without it).
    auto* password = new QLabel(tr("This location holds a password. It is used to connect and is never shown or "
                                   "remembered afterwards; better keep it in ~/.pgpass, out of sight."),
                                this);
    password->setObjectName(QStringLiteral("passwordNote"));
    password->setWordWrap(true);
    password->hide();
    connect(m_location, &QLineEdit::textChanged, this, [this, password](const QString& text) {
        const bool show = isServerLocation(text) && displayLocation(text) != text;
        if (show == !password->isHidden())
            return;
        password->setVisible(show);
        adjustSize(); // room for the note: a word-wrapped label does not grow its window by itself
    });
    auto* row = new QHBoxLayout;
    row->addWidget(m_location, 1);
    row->addWidget(browse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(password);
    layout->addWidget(buttons);
}

QString OpenCaseDialog::location() const { return m_location->text().trimmed(); }

} // namespace hs
