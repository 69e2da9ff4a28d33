// SPDX-License-Identifier: GPL-3.0-or-later
#include "casecli.h"

#include "caseaudit.h"
#include "casebackend.h"
#include "caselocation.h"
#include "casejson.h"
#include "cliutil.h"
#include "evidencedb.h"
#include "loader.h"
#include "settings.h"
#include "timeutil.h"

#include <QFileInfo>

#include <algorithm>

namespace hs {
namespace {

const char* const kCaseUsage =
    "Usage: hydrascope case new EVIDENCE -o CASE [--reviewer NAME] [--title T]\n"
    "       hydrascope case annotate CASE --title T [--kind range|point|campaign|cluster|account|family]\n"
    "                                [--from ISO --to ISO | --at ISO | --target ID] [--tag X]...\n"
    "                                [--severity info|notable|key-evidence] [--note TEXT] [--author NAME] [--internal]\n"
    "       hydrascope case show CASE [--json]\n"
    "       hydrascope case verify CASE [--head HASH]\n"
    "       hydrascope case push CASE.hcase SERVER-CASE\n"
    "       hydrascope case pull SERVER-CASE -o CASE.hcase\n"
    "CASE is a .hcase file or a case on a PostgreSQL server, postgresql://USER@HOST:PORT/DB#CASE-NAME\n"
    "(passwords from ~/.pgpass, PGPASSWORD or a service file).\n"
    "verify exits 0 when intact, 1 when the evidence is missing or changed, 2 when the audit chain is\n"
    "broken or an annotation was changed outside Hydrascope.\n";

int newCase(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create a case file for an evidence file."));
    parser.addPositionalArgument(QStringLiteral("EVIDENCE"), QStringLiteral("The flagged-campaign database."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The case file to create (.hcase)."), QStringLiteral("CASE"));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"), QStringLiteral("Who reviews (default: $USER)."),
                                      QStringLiteral("NAME"),
                                      Settings().reviewerOrUser());
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Case title (default: the investigation's)."),
                                   QStringLiteral("T"));
    parser.addOptions({output, reviewer, title});
    int code = ExitError;
    if (!parseCommand(parser, args, &code))
        return code;
    if (parser.positionalArguments().size() != 2 || !parser.isSet(output)) {
        printError(QStringLiteral("case new takes one EVIDENCE file and -o CASE"));
        return ExitError;
    }
    const QString evidence = parser.positionalArguments().at(1);
    const LoadResult r = loadInvestigation(evidence, {});
    if (!r.ok()) {
        for (const Finding& f : r.findings.items())
            if (f.severity == Severity::Error)
                printError(findingLine(evidence, f));
        return ExitError;
    }
    QString error;
    const QString caseTitle = parser.isSet(title) ? parser.value(title) : r.investigation->title();
    auto c = createCase(parser.value(output), r.investigation->evidence, parser.value(reviewer), caseTitle, &error);
    if (!c) {
        printError(error);
        return ExitError;
    }
    writeOut(QStringLiteral("%1: case created for %2 (SHA-256 %3)\n")
                 .arg(c->location(), evidence, r.investigation->evidence.sha256).toUtf8());
    return ExitOk;
}

// The table an annotation's target lives in, to check that the id exists in the evidence.
QString targetTable(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::Campaign: return QStringLiteral("campaigns");
    case AnnotationKind::Cluster: return QStringLiteral("clusters");
    case AnnotationKind::Account: return QStringLiteral("accounts");
    case AnnotationKind::Family: return QStringLiteral("templates");
    default: return {};
    }
}

// Fills the kind-specific fields of `a` from the options; false with a message on bad input.
bool annotationTarget(const QCommandLineParser& p, Annotation* a, QString* error)
{
    const bool range = p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"));
    const bool point = p.isSet(QStringLiteral("at"));
    const bool target = p.isSet(QStringLiteral("target"));
    if (int(range) + int(point) + int(target) != 1) {
        *error = QStringLiteral("give one of --from/--to, --at or --target");
        return false;
    }
    if (p.isSet(QStringLiteral("kind"))) {
        if (!parseKind(p.value(QStringLiteral("kind")), &a->kind)) {
            *error = QStringLiteral("--kind must be range, point, campaign, cluster, account or family");
            return false;
        }
    } else if (target) {
        *error = QStringLiteral("--target needs --kind campaign, cluster, account or family");
        return false;
    } else {
        a->kind = range ? AnnotationKind::Range : AnnotationKind::Point;
    }
    const bool fits = range ? a->kind == AnnotationKind::Range
                            : (point ? a->kind == AnnotationKind::Point : !isTimeKind(a->kind));
    if (!fits) {
        *error = QStringLiteral("--kind %1 does not go with the options given").arg(kindName(a->kind));
        return false;
    }
    if (range) {
        if (!parseIsoUtc(p.value(QStringLiteral("from")), &a->from) || !parseIsoUtc(p.value(QStringLiteral("to")), &a->to)) {
            *error = QStringLiteral("--from and --to must both be ISO-8601 times, e.g. 2026-02-11T14:00:00Z");
            return false;
        }
        return true;
    }
    if (point) {
        if (!parseIsoUtc(p.value(QStringLiteral("at")), &a->from)) {
            *error = QStringLiteral("--at must be an ISO-8601 time, e.g. 2026-02-11T14:37:00Z");
            return false;
        }
        a->to = a->from;
        return true;
    }
    bool ok = false;
    a->target = p.value(QStringLiteral("target")).toLongLong(&ok);
    if (!ok)
        *error = QStringLiteral("--target must be an id (a whole number)");
    return ok;
}

// Warns, without refusing, when the evidence cannot confirm the target: it may be elsewhere.
bool targetExists(const CaseBackend& c, const Annotation& a)
{
    const QString path = locateEvidence(c.info(), c.location());
    if (isTimeKind(a.kind) || path.isEmpty())
        return true;
    QString error;
    auto db = EvidenceDb::open(path, &error);
    if (!db)
        return true;
    return db->queryInteger(QStringLiteral("SELECT count(*) FROM %1 WHERE id=%2").arg(targetTable(a.kind)).arg(a.target))
               .value_or(0) > 0;
}

int annotate(const QStringList& args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add an annotation to a case."));
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    auto option = [](const char* name, const char* help, const char* value = nullptr) {
        return value ? QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value))
                     : QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help));
    };
    parser.addOptions({option("title", "Title (required).", "T"), option("kind", "What is annotated.", "KIND"),
                       option("from", "Range start, ISO-8601.", "ISO"), option("to", "Range end, ISO-8601.", "ISO"),
                       option("at", "Point in time, ISO-8601.", "ISO"),
                       option("target", "Evidence id of the campaign, cluster, account or template.", "ID"),
                       option("tag", "A tag (repeatable).", "X"),
                       option("severity", "info, notable or key-evidence (default info).", "S"),
                       option("note", "Plain-text note.", "TEXT"), option("author", "Author (default: $USER, else the case's reviewer).", "NAME"),
                       option("internal", "Leave out of external exports.")});
    int code = ExitError;
    if (!parseCommand(parser, args, &code))
        return code;
    if (parser.positionalArguments().size() != 2 || parser.value(QStringLiteral("title")).trimmed().isEmpty()) {
        printError(QStringLiteral("case annotate takes one CASE and --title T"));
        return ExitError;
    }
    Annotation a;
    a.title = parser.value(QStringLiteral("title"));
    a.note = parser.value(QStringLiteral("note"));
    a.tags = parser.values(QStringLiteral("tag"));
    a.author = parser.isSet(QStringLiteral("author")) ? parser.value(QStringLiteral("author")) : systemUserName();
    a.internal = parser.isSet(QStringLiteral("internal"));
    QString error;
    if (parser.isSet(QStringLiteral("severity")) && !parseSeverity(parser.value(QStringLiteral("severity")), &a.severity))
        error = QStringLiteral("--severity must be info, notable or key-evidence");
    if (!error.isEmpty() || !annotationTarget(parser, &a, &error)) {
        printError(error);
        return ExitError;
    }
    auto c = openCase(parser.positionalArguments().at(1), CaseBackend::Mode::ReadWrite, &error);
    if (!c) {
        printError(error);
        return ExitError;
    }
    if (!targetExists(*c, a)) {
        printError(QStringLiteral("the evidence has no %1 with id %2").arg(kindName(a.kind)).arg(a.target));
        return ExitError;
    }
    if (a.author.isEmpty())
        a.author = c->info().reviewer;
    c->setActor(a.author);
    const std::optional<Annotation> stored = c->addAnnotation(a);
    if (!stored) {
        printError(c->lastError());
        return ExitError;
    }
    writeOut(QStringLiteral("%1: annotation %2 added\n").arg(c->location()).arg(stored->id).toUtf8());
    return ExitOk;
}

int showOrVerify(const QStringList& args, bool verifyOnly)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(verifyOnly ? QStringLiteral("Check a case's audit chain, annotations and evidence.")
                                                : QStringLiteral("Show a case, its annotations and audit log."));
    parser.addPositionalArgument(QStringLiteral("CASE"), QStringLiteral("The case file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Write the case as JSON."));
    const QCommandLineOption head(QStringLiteral("head"),
                                  QStringLiteral("A chain head kept elsewhere (e.g. from a report's title page): "
                                                 "the log must still hold that entry."),
                                  QStringLiteral("HASH"));
    parser.addOption(verifyOnly ? head : json);
    int code = ExitError;
    if (!parseCommand(parser, args, &code))
        return code;
    if (parser.positionalArguments().size() != 2) {
        printError(QStringLiteral("%1 takes one CASE").arg(args.front()));
        return ExitError;
    }
    QString error;
    auto c = openCase(parser.positionalArguments().at(1), CaseBackend::Mode::ReadOnly, &error);
    if (!c) {
        printError(error);
        return ExitError;
    }
    const CaseSnapshot s = c->snapshot();
    CaseVerification v = verifyCase(s);
    // A head recorded outside the case anchors the chain: cutting entries off the end (with all
    // they recorded) would otherwise leave a chain that checks out.
    if (verifyOnly && parser.isSet(head)) {
        const QString wanted = parser.value(head).trimmed().toLower();
        const bool held = std::any_of(s.audit.begin(), s.audit.end(), [&](const AuditEntry& e) { return e.hash == wanted; });
        if (!held)
            v.tampering << QStringLiteral("the audit log no longer holds the entry with hash %1: it was cut or rewritten")
                               .arg(wanted);
    }
    if (!verifyOnly) {
        writeOut(parser.isSet(json) ? caseToJson(s, v) : printable(caseToText(s, v)).toUtf8());
        return ExitOk;
    }
    QString out;
    for (const QString& p : v.tampering + v.evidence)
        out += QStringLiteral("%1: %2\n").arg(c->location(), printable(p));
    out += QStringLiteral("%1: %2 (%3 audit entries, chain head %4)\n")
               .arg(c->location(), v.exitCode() == 0 ? QStringLiteral("intact")
                                                 : (v.exitCode() == 1 ? QStringLiteral("evidence missing or changed")
                                                                      : QStringLiteral("TAMPERED")))
               .arg(s.audit.size()).arg(s.chainHead());
    writeOut(out.toUtf8());
    return v.exitCode();
}

// The content two homes of one case must share: info (but where the evidence was found), every
// annotation (but the server's row revision), saved view and audit entry.
QString firstDifference(const CaseSnapshot& a, const CaseSnapshot& b)
{
    CaseInfo ia = a.info, ib = b.info;
    ia.evidencePath = ib.evidencePath = QString();
    if (contentHash(ia, ia.formatVersion) != contentHash(ib, ib.formatVersion) || ia.formatVersion != ib.formatVersion)
        return QStringLiteral("the case record differs");
    if (a.annotations.size() != b.annotations.size())
        return QStringLiteral("%1 annotations, not %2").arg(b.annotations.size()).arg(a.annotations.size());
    for (std::size_t i = 0; i < a.annotations.size(); ++i) {
        Annotation x = a.annotations[i], y = b.annotations[i];
        x.revision = y.revision = 0;
        if (!(x == y))
            return QStringLiteral("annotation %1 differs").arg(x.id);
    }
    if (a.views != b.views)
        return QStringLiteral("the saved views differ");
    if (a.audit.size() != b.audit.size() || a.chainHead() != b.chainHead())
        return QStringLiteral("the audit log differs");
    return {};
}

// push: a .hcase to a server; pull: a server case to a new .hcase. The source must verify, the
// copy is written in one transaction with its whole audit log as it is, and the copy must then
// verify and hold exactly the source's content and chain.
int pushOrPull(const QStringList& args, bool push)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(push ? QStringLiteral("Copy a .hcase case to a PostgreSQL server, with its audit chain.")
                                          : QStringLiteral("Copy a case from a PostgreSQL server into a new .hcase file."));
    parser.addPositionalArgument(QStringLiteral("FROM"), push ? QStringLiteral("The .hcase file.") : QStringLiteral("The server case."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The .hcase file to create."), QStringLiteral("CASE"));
    if (push)
        parser.addPositionalArgument(QStringLiteral("TO"), QStringLiteral("postgresql://USER@HOST:PORT/DB#CASE-NAME"));
    else
        parser.addOption(output);
    int code = ExitError;
    if (!parseCommand(parser, args, &code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != (push ? 3 : 2) || (!push && !parser.isSet(output))) {
        printError(push ? QStringLiteral("case push takes CASE.hcase and a server location")
                        : QStringLiteral("case pull takes a server location and -o CASE.hcase"));
        return ExitError;
    }
    const QString from = pos.at(1);
    const QString to = push ? pos.at(2) : parser.value(output);
    if (isServerLocation(from) == push || isServerLocation(to) != push) {
        printError(push ? QStringLiteral("case push copies a .hcase file to a postgresql:// location")
                        : QStringLiteral("case pull copies a postgresql:// case to a .hcase file"));
        return ExitError;
    }
    QString error;
    auto source = openCase(from, CaseBackend::Mode::ReadOnly, &error);
    if (!source) {
        printError(error);
        return ExitError;
    }
    const CaseSnapshot s = source->snapshot();
    const CaseVerification v = verifyCase(s, false);
    if (!v.tampering.isEmpty()) {
        printError(QStringLiteral("%1 does not verify (%2): nothing was copied").arg(source->location(), v.tampering.front()));
        return ExitError;
    }
    const std::optional<std::vector<Pseudonym>> pseudonyms = source->allPseudonyms();
    if (!pseudonyms) {
        printError(QStringLiteral("%1: %2").arg(source->location(), source->lastError()));
        return ExitError;
    }
    auto copy = copyCase(to, s, *pseudonyms, &error);
    if (!copy) {
        printError(error);
        return ExitError;
    }
    const CaseSnapshot c = copy->snapshot();
    const CaseVerification cv = verifyCase(c, false);
    QString difference = firstDifference(s, c);
    const std::optional<std::vector<Pseudonym>> copied = copy->allPseudonyms();
    if (difference.isEmpty() && (!copied || *copied != *pseudonyms))
        difference = QStringLiteral("the pseudonyms differ");
    if (!cv.tampering.isEmpty() || !difference.isEmpty()) {
        printError(QStringLiteral("%1: the copy does not verify as the source: %2")
                       .arg(copy->location(), !cv.tampering.isEmpty() ? cv.tampering.front() : difference));
        return ExitError;
    }
    writeOut(QStringLiteral("%1 -> %2: %3 annotations, %4 saved views, %5 audit entries, chain head %6 "
                            "(verified on both sides)\n")
                 .arg(source->location(), copy->location())
                 .arg(s.annotations.size()).arg(s.views.size()).arg(s.audit.size()).arg(s.chainHead())
                 .toUtf8());
    return ExitOk;
}

} // namespace

int runCaseCommand(const QStringList& args)
{
    const QString sub = args.value(1);
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest.front() = QStringLiteral("case ") + rest.front(); // "case verify": what help and errors name
    if (sub == QLatin1String("new"))
        return newCase(rest);
    if (sub == QLatin1String("annotate"))
        return annotate(rest);
    if (sub == QLatin1String("show"))
        return showOrVerify(rest, false);
    if (sub == QLatin1String("verify"))
        return showOrVerify(rest, true);
    if (sub == QLatin1String("push"))
        return pushOrPull(rest, true);
    if (sub == QLatin1String("pull"))
        return pushOrPull(rest, false);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        writeOut(QByteArray(kCaseUsage));
        return ExitOk;
    }
    printError(sub.isEmpty() ? QStringLiteral("case needs a subcommand") : QStringLiteral("unknown case subcommand '%1'").arg(sub));
    std::fputs(kCaseUsage, stderr);
    return ExitError;
}

} // namespace hs
