// SPDX-License-Identifier: GPL-3.0-or-later
#include "integritycheck.h"

#include "evidencedb.h"

#include <sqlite3.h>

namespace hs {
namespace {

int stopWhenCancelled(void* sink) { return static_cast<const ProgressSink*>(sink)->cancelled() ? 1 : 0; }

} // namespace

CheckResult quickCheckFile(const QString& path, const ProgressSink& progress, QString* problem)
{
    QString error;
    auto db = EvidenceDb::open(path, &error);
    if (!db) {
        *problem = error;
        return CheckResult::Corrupt;
    }
    progress.report(QStringLiteral("Checking the file's structure"), 0, true);
    sqlite3_progress_handler(db->handle(), 100000, stopWhenCancelled, const_cast<ProgressSink*>(&progress));
    // Three messages at most: the first names the damage, the rest would only repeat it.
    Statement st = db->prepare(QStringLiteral("PRAGMA quick_check(3)"), &error);
    QStringList answers;
    while (st.next())
        answers << st.text(0);
    if (progress.cancelled())
        return CheckResult::Cancelled;
    if (st.failed() || !st.isValid()) {
        *problem = st.isValid() ? st.error() : error;
        return CheckResult::Corrupt;
    }
    if (answers == QStringList{QStringLiteral("ok")})
        return CheckResult::Ok;
    *problem = answers.join(QStringLiteral("; ")).left(400);
    return CheckResult::Corrupt;
}

} // namespace hs
