// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Validation findings: what is wrong with an evidence file, named down to table, column and row.

#include <QList>
#include <QString>

namespace hs {

enum class Severity { Note, Warning, Error };

struct Finding
{
    Severity severity = Severity::Error;
    QString code;    // stable machine name, e.g. "missing-table", "dangling-account"
    QString table;   // empty when the finding is about the whole file
    QString column;
    qint64 row = -1; // the row's id where one row is at fault, else -1
    qint64 count = 1; // how many rows share this finding (row is then the first one)
    QString message; // one plain sentence for the reviewer

    QString toText() const; // "table exchanges, column ts, row 17: ..."
};

class Findings
{
public:
    void add(Finding f) { m_items.append(std::move(f)); }
    void error(const QString& code, const QString& message, const QString& table = {},
               const QString& column = {}, qint64 row = -1);
    void warning(const QString& code, const QString& message, const QString& table = {},
                 const QString& column = {}, qint64 row = -1);
    void note(const QString& code, const QString& message, const QString& table = {},
              const QString& column = {});
    void append(const Findings& other) { m_items.append(other.m_items); }

    const QList<Finding>& items() const { return m_items; }
    bool hasErrors() const { return count(Severity::Error) > 0; }
    bool hasWarnings() const { return count(Severity::Warning) > 0; }
    qsizetype count(Severity s) const;

private:
    QList<Finding> m_items;
};

QString severityName(Severity s);

} // namespace hs
