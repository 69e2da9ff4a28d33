// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: a case file (.hcase) from outside, opened and verified as `hydrascope case
// verify` and `report --case` do, then opened for writing and given one edit.
//
// Beyond "no crash, no sanitizer report", it checks two promises of docs/case-file.md and traps
// when one breaks: a case that verifies intact still verifies intact after an edit made through
// Hydrascope, and an edit never leaves an audit entry below 1 (the number wrapping round).
// Seeds: tests/fuzz/corpus/casefile/. Findings: tests/fixtures/fuzz/casefile/ (tst_caseintegrity).
#include "caseaudit.h"
#include "casefile.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace hs;

namespace {

// One folder per fuzzing process, in memory where there is /dev/shm: every edit is an fsync.
QString workDir()
{
    static const QString dir = [] {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        QString d = QStringLiteral("%1/hydrascope-fuzz-casefile-%2").arg(base).arg(::getpid());
        QDir().mkpath(d);
        return d;
    }();
    return dir;
}

bool writeFile(const QString& path, const std::uint8_t* data, std::size_t size)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    QFile f(path);
    return f.open(QIODevice::WriteOnly)
           && f.write(reinterpret_cast<const char*>(data), static_cast<qint64>(size)) == static_cast<qint64>(size);
}

[[noreturn]] void broken(const char* promise, const QStringList& detail)
{
    std::fprintf(stderr, "promise broken: %s\n%s\n", promise, qPrintable(detail.join(QLatin1Char('\n'))));
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = workDir() + QStringLiteral("/case.hcase");
    if (!writeFile(path, data, size))
        return 0;
    bool intact = false;
    {
        QString error;
        auto c = CaseFile::open(path, CaseFile::Mode::ReadOnly, &error);
        if (!c)
            return 0;
        const CaseSnapshot s = c->snapshot();
        const CaseVerification v = verifyCase(s, false);
        intact = v.exitCode() == 0;
        (void)c->pseudonym(QStringLiteral("account"), QStringLiteral("acct-1"));
    }
    QString error;
    auto c = CaseFile::open(path, CaseFile::Mode::ReadWrite, &error);
    if (!c)
        return 0;
    Annotation a;
    a.kind = AnnotationKind::Point;
    a.title = QStringLiteral("fuzz \u91cf\u5b50 \u202e");
    a.from = a.to = 1770820620;
    const bool added = c->addAnnotation(a).has_value();
    for (const AuditEntry& e : c->audit())
        if (added && e.seq < 1 && intact)
            broken("an edit left an audit entry below 1", {QString::number(e.seq)});
    if (intact && added) {
        const CaseVerification after = verifyCase(c->snapshot(), false);
        if (after.exitCode() != 0)
            broken("an intact case no longer verifies after an edit", after.tampering);
    }
    return 0;
}
