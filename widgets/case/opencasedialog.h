// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File > Open case: a .hcase file (typed or browsed) or a case on a PostgreSQL server, typed as
// postgresql://USER@HOST:PORT/DB#CASE-NAME. The password is not asked for here: libpq finds it
// (~/.pgpass, PGPASSWORD, a service file).

#include <QDialog>

class QLineEdit;

namespace hs {

class OpenCaseDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit OpenCaseDialog(QWidget* parent = nullptr);
    QString location() const;

private:
    QLineEdit* m_location;
};

} // namespace hs
