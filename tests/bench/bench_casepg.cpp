// SPDX-License-Identifier: GPL-3.0-or-later
// A case on a local PostgreSQL 15 server started by the benchmark (pgserver.h): how long an edit
// takes to be acknowledged (committed on the server, chain entry and notification included;
// target < 20 ms), how long until a second connection listening for the case has been notified
// and has reread the annotations (the dashboard's path; target < 500 ms), and opening a case of
// 10,000 annotations: connect, read, verify the chain and every content hash (target < 1 s).
// Usage: bench_casepg EVIDENCE
#include "caseaudit.h"
#include "caseedits.h"
#include "investigation.h"
#include "pgcase.h"
#include "sha256.h"

#include "pgserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <poll.h>

using namespace hs;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
double worst(const std::vector<double>& v) { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }

Annotation point(int i)
{
    Annotation a;
    a.kind = AnnotationKind::Point;
    a.from = a.to = 1770681600 + i;
    a.title = QStringLiteral("note %1").arg(i);
    a.tags = {QStringLiteral("bench")};
    return a;
}

// A case of `count` annotations with its chain, written in one go through createCopy.
bool bigCase(const QString& location, const QString& evidence, int count, QString* error)
{
    CaseSnapshot s;
    s.info.formatVersion = kCaseFormatVersion;
    s.info.createdAt = 1770681600;
    s.info.reviewer = QStringLiteral("bench");
    s.info.title = QStringLiteral("bench");
    s.info.evidenceName = QFileInfo(evidence).fileName();
    s.info.evidenceSize = QFileInfo(evidence).size();
    s.info.evidenceSha256 = sha256OfFile(evidence, error);
    s.info.evidencePath = evidence;
    auto append = [&](const QString& subject, const QString& hash) {
        const AuditEntry* last = s.audit.empty() ? nullptr : &s.audit.back();
        s.audit.push_back(*nextAuditEntry(last ? last->seq : 0, last ? last->hash : QString(), s.info.createdAt,
                                          QStringLiteral("bench"), QStringLiteral("created"), subject,
                                          QStringLiteral("detail"), hash, kCaseFormatVersion, error));
    };
    append(QStringLiteral("case"), contentHash(s.info, kCaseFormatVersion));
    for (int i = 1; i <= count; ++i) {
        Annotation a = point(i);
        a.id = i;
        a.author = QStringLiteral("bench");
        a.createdAt = a.editedAt = s.info.createdAt;
        s.annotations.push_back(a);
        append(annotationSubject(i), contentHash(a, kCaseFormatVersion));
    }
    return PgCase::createCopy(location, s, {}, error) != nullptr;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    if (argc != 2 || !test::PgServer::available()) {
        std::fprintf(stderr, "usage: bench_casepg EVIDENCE (and PostgreSQL 15 installed)\n");
        return 2;
    }
    const QString evidence = QString::fromLocal8Bit(argv[1]);
    QTemporaryDir dir;
    test::PgServer server;
    if (!dir.isValid() || !server.start(dir.path()))
        return 2;
    QString error;
    // The bench's server runs with fsync=off (as the tests'): commit latency without the disk's flush.
    EvidenceFile ev;
    ev.path = evidence;
    ev.fileName = QFileInfo(evidence).fileName();
    ev.size = QFileInfo(evidence).size();
    ev.sha256 = sha256OfFile(evidence, &error);
    const QString location = server.uri() + QStringLiteral("#bench");
    auto writer = PgCase::create(location, ev, QStringLiteral("alice"), QStringLiteral("bench"), &error);
    auto reader = PgCase::open(location, CaseBackend::Mode::ReadOnly, &error);
    if (!writer || !reader) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const int socket = reader->changeSocket();
    std::vector<double> acks, edits, seen;
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer t;
        t.start();
        const std::optional<Annotation> a = writer->addAnnotation(point(i));
        acks.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!a)
            return 2;
        // The second connection: woken by its socket, reads the notification, rereads the case.
        pollfd p{socket, POLLIN, 0};
        bool notified = false;
        while (!notified && t.elapsed() < 2000) {
            ::poll(&p, 1, 100);
            notified = reader->takeChanges();
        }
        const std::size_t shown = reader->annotations().size();
        seen.push_back(notified && shown == std::size_t(i + 1) ? double(t.nsecsElapsed()) / 1e6 : 1e9);
        if (i % 3 == 0) {
            Annotation b = *a;
            b.note = QStringLiteral("edited");
            QElapsedTimer e;
            e.start();
            if (!writer->updateAnnotation(b))
                return 2;
            edits.push_back(double(e.nsecsElapsed()) / 1e6);
        }
    }
    std::printf("annotation added and acknowledged (committed with its chain entry): median %.2f ms, worst %.2f ms "
                "(target < 20)\n", median(acks), worst(acks));
    std::printf("annotation edited and acknowledged: median %.2f ms, worst %.2f ms (target < 20)\n", median(edits),
                worst(edits));
    std::printf("visible in a second connection (notified, all annotations reread), from the edit's start: median "
                "%.2f ms, worst %.2f ms (target < 500)\n", median(seen), worst(seen));
    const QString big = server.uri() + QStringLiteral("#big");
    if (!bigCase(big, evidence, 10000, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    std::vector<double> opens;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        auto c = PgCase::open(big, CaseBackend::Mode::ReadOnly, &error);
        const CaseSnapshot s = c ? c->snapshot() : CaseSnapshot();
        const CaseVerification v = verifyCase(s, false);
        opens.push_back(double(t.nsecsElapsed()) / 1e6);
        if (s.annotations.size() != 10000 || !v.tampering.isEmpty())
            return 2;
    }
    std::printf("case of 10,000 annotations opened (connect, read, chain and every content hash verified): median "
                "%.0f ms, worst %.0f ms (target < 1000)\n", median(opens), worst(opens));
    const bool ok = median(acks) < 20 && median(edits) < 20 && worst(seen) < 500 && median(opens) < 1000;
    std::printf("bench_casepg: %s\n", ok ? "all targets met" : "targets missed");
    return ok ? 0 : 1;
}
