// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "capabilityrules.h"
#include "fieldmap.h"
#include "importinputs.h"
#include "importtables.h"
#include "job.h"
#include "investigationwriter.h"
#include "litellmpostgres.h"
#include "promptanalyzer.h"
#include "sidefiles.h"
#include "sha256.h"
#include "timeutil.h"

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <ctime>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace hs::logimport {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double cpuSeconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}
double threadCpu() { return cpuSeconds(CLOCK_THREAD_CPUTIME_ID); }
double processCpu() { return cpuSeconds(CLOCK_PROCESS_CPUTIME_ID); }

// One import: reading, analysis and writing run as a pipeline of three stages (see run()).
class Import
{
public:
    Import(const ImportOptions& o, const ProgressCallback& p, const std::atomic<bool>* c)
        : m_options(o), m_progress(p, c), m_cancel(c), m_tables(m_writer) {}
    ImportResult run();

private:
    bool prepare();
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    // The stages after reading, each on one batch; they set *stop on cancellation or an error.
    void analyse(AnalysedBatch& batch, std::atomic<bool>* stop);
    void write(const AnalysedBatch& batch, std::atomic<bool>* stop);
    bool writeTables();

    const ImportOptions& m_options;
    ProgressSink m_progress;
    const std::atomic<bool>* m_cancel;
    ImportResult m_result;
    std::vector<std::string> m_files;
    FieldMap m_map;
    CapabilityRules m_rules;
    std::unordered_map<std::string, AccountInfo> m_accountInfo;
    std::vector<ModelRelease> m_modelReleases;
    InvestigationWriter m_writer;
    std::unique_ptr<PromptAnalyzer> m_analyzer;
    std::thread::id m_readerThread;

    // The analysis stage's own state: families that have had their second member.
    std::vector<bool> m_familyRepeated;
    std::int64_t m_outsideRange = 0;
    // The writing stage's own state.
    ImportTables m_tables;

    // Each stage's time, kept by that stage alone: wall time, CPU time of the thread it ran on,
    // and the part of that CPU time spent on the reading thread (a stage's task runs there when
    // no pool thread took it in time), which the reading thread's CPU time must not count.
    struct StageClock
    {
        double seconds = 0, cpu = 0, cpuOnReader = 0;
    };
    StageClock m_analysisClock, m_writeClock;
    double m_handoffSeconds = 0; // the reading thread's time waiting for the other stages (or running their tasks)
    std::vector<FileReport> m_databaseReports; // LiteLLM databases read (postgresql:// inputs)
    ReadIssues m_databaseIssues;
    std::string m_databaseError;
};

bool Import::prepare()
{
    std::string error;
    if (!expandInputs(m_options.inputs, &m_files, &error)) {
        m_result.error = error;
        return false;
    }
    if (m_files.empty()) {
        m_result.error = "no input files";
        return false;
    }
    if (fs::exists(m_options.output) && !m_options.force) {
        m_result.error = m_options.output + " exists; import never replaces a file without --force";
        return false;
    }
    if (!m_options.mapFile.empty() && !loadFieldMap(m_options.mapFile, &m_map, &error)) {
        m_result.error = error;
        return false;
    }
    std::string rulesText(CapabilityRules::builtIn());
    std::string rulesName = "the built-in capability rules";
    if (!m_options.rulesFile.empty()) {
        std::ifstream in(m_options.rulesFile, std::ios::binary);
        if (!in) {
            m_result.error = m_options.rulesFile + ": cannot open the rules file";
            return false;
        }
        std::ostringstream text;
        text << in.rdbuf();
        rulesText = text.str();
        rulesName = m_options.rulesFile;
    }
    if (!m_rules.parse(rulesText, rulesName, &error)) {
        m_result.error = error;
        return false;
    }
    if (!m_options.accountsCsv.empty() && !readAccountsCsv(m_options.accountsCsv, &m_accountInfo, &m_result.issues, &error)) {
        m_result.error = error;
        return false;
    }
    if (!m_options.modelsCsv.empty() && !readModelsCsv(m_options.modelsCsv, &m_modelReleases, &m_result.issues, &error)) {
        m_result.error = error;
        return false;
    }
    if (!m_writer.open(m_options.output, &error)) {
        m_result.error = error;
        return false;
    }
    m_analyzer = std::make_unique<PromptAnalyzer>(m_rules);
    return true;
}

void Import::analyse(AnalysedBatch& batch, std::atomic<bool>* stop)
{
    std::vector<LogRequest>& requests = batch.requests;
    if (m_options.from || m_options.to) {
        const auto outside = [this](const LogRequest& r) {
            return (m_options.from && r.ts < *m_options.from) || (m_options.to && r.ts >= *m_options.to);
        };
        const auto end = std::remove_if(requests.begin(), requests.end(), outside);
        m_outsideRange += std::int64_t(requests.end() - end);
        requests.erase(end, requests.end());
    }
    m_analyzer->analyze(requests, &batch.features);
    // A family's second member makes it a template (ImportTables::addBatch). The writer cannot
    // ask the family index for the representative then: by that time later batches are being
    // analysed and the index grows (and moves) under it. So the fingerprint is taken here.
    batch.promotions.clear();
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const RequestFeatures& f = batch.features[i];
        if (f.family < 0)
            continue;
        const auto family = std::size_t(f.family);
        if (f.newFamily) {
            m_familyRepeated.resize(family + 1, false);
        } else if (!m_familyRepeated[family]) {
            m_familyRepeated[family] = true;
            batch.promotions.push_back({i, familyFingerprint(m_analyzer->families().representative(f.family))});
        }
    }
    if (cancelled())
        stop->store(true);
}

void Import::write(const AnalysedBatch& batch, std::atomic<bool>* stop)
{
    m_tables.addBatch(batch);
    if (!m_writer.error().empty() || cancelled())
        stop->store(true);
}

bool Import::writeTables()
{
    TablesSummary tables;
    m_tables.finish(m_modelReleases, m_analyzer->capabilities(), m_accountInfo, &tables);
    const std::int64_t fromLogs = tables.modelsFromLogs;
    m_result.models = tables.models;
    m_result.releasesFromLogs = fromLogs > 0;
    m_result.accountsCsvUnused = tables.accountsCsvUnused;
    m_result.accounts = tables.accounts;
    m_result.indicators = tables.indicators;
    m_result.templates = tables.templates;

    // meta: the format, where it came from (each file with its SHA-256), who made it.
    const std::string source = sourceText(m_result.files, m_cancel);
    std::string title = !m_options.title.empty() ? m_options.title
                        : "Imported gateway logs (" + std::to_string(m_result.files.size()) +
                              (m_result.files.size() == 1 ? " file)" : " files)");
    // The dashboard shows the title everywhere (window, reports): where a release time is only a
    // first appearance, the reviewer reads it there and not only in meta.
    if (fromLogs > 0)
        title += " - model releases are first appearances in the logs";
    std::string releases = m_modelReleases.empty() ? "first appearance in the logs (no --models file)"
                           : fromLogs == 0         ? "--models " + m_options.modelsCsv
                                                   : "--models " + m_options.modelsCsv + "; " + std::to_string(fromLogs) +
                                                 " model(s) not listed there: first appearance in the logs";
    const std::pair<std::string, std::string> meta[] = {
        {"format", "flagged-campaign-db"},
        {"format_version", "1.1"},
        {"source", source},
        {"exported_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
        {"title", title},
        {"generated_by", m_options.generatedBy + " " + HYDRASCOPE_VERSION},
        {"model_releases", releases},
    };
    for (const auto& [key, value] : meta)
        m_writer.addMeta(key, value);
    if (m_result.releasesFromLogs)
        m_result.notes.push_back("Model release times are each model's first appearance in the logs " +
                                 std::string(m_modelReleases.empty() ? "(no --models file)." : "for models not in --models."));
    if (tables.indicatorsDropped > 0)
        m_result.notes.push_back(std::to_string(tables.indicatorsDropped) + " further distinct addresses or user agents were "
                                 "not kept (at most 256 of each kind per account).");
    if (m_result.accountsCsvUnused > 0)
        m_result.notes.push_back(std::to_string(m_result.accountsCsvUnused) +
                                 " accounts of --accounts sent no request in the logs and are left out.");
    if (m_result.outsideRange > 0)
        m_result.notes.push_back(std::to_string(m_result.outsideRange) + " requests outside --from/--to were left out.");
    return m_writer.error().empty();
}

ImportResult Import::run()
{
    const auto start = Clock::now();
    m_readerThread = std::this_thread::get_id();
    const double readerCpuStart = threadCpu(), processCpuStart = processCpu();
    if (!prepare())
        return m_result;
    std::uint64_t totalBytes = 0, doneBytes = 0;
    for (const std::string& f : m_files) {
        std::error_code ec;
        if (!isPostgresUri(f))
            totalBytes += fs::file_size(f, ec);
    }
    // Three stages: reading runs here; while batch N+2 is read, batch N+1 is analysed (families
    // and capabilities, in input order) and batch N is written, each as a task on the pool, one
    // batch in each. Every batch carries its own requests, features and template fingerprints,
    // so no stage touches another's buffers, and each stage's state is touched by that stage
    // only (tasks of one stage follow each other: the next starts once the last is waited for).
    // No thread of our own: when the pool is busy, a task no pool thread took runs here when it
    // is waited for, and nothing ever waits for a thread that cannot come.
    LogReader reader(m_options.format, m_map, !m_options.mapFile.empty());
    std::atomic<bool> stop{false};
    bool readOk = true;
    std::unique_ptr<AnalysedBatch> analysing, writing, spare;
    PoolTask analysis, writer; // after the batches: destroyed (waited for) before them
    const auto timed = [this](StageClock* clock, const std::function<void()>& work) {
        const auto begin = Clock::now();
        const double cpu = threadCpu();
        work();
        const double used = threadCpu() - cpu;
        clock->seconds += since(begin);
        clock->cpu += used;
        if (std::this_thread::get_id() == m_readerThread)
            clock->cpuOnReader += used;
    };
    // Moves the pipeline on by one batch: `next` (read; null at the end) into analysis, the batch
    // analysed into writing.
    const auto advance = [&](std::vector<LogRequest>* next) {
        auto waited = Clock::now();
        analysis.wait();
        m_handoffSeconds += since(waited);
        if (cancelled())
            stop.store(true);
        std::unique_ptr<AnalysedBatch> analysed = std::move(analysing);
        if (next && !stop.load()) {
            analysing = spare ? std::move(spare) : std::make_unique<AnalysedBatch>();
            analysing->requests.swap(*next); // *next gets the old requests back, cleared here
            analysis.start([&, batch = analysing.get()] { timed(&m_analysisClock, [&] { analyse(*batch, &stop); }); });
        }
        waited = Clock::now();
        writer.wait();
        m_handoffSeconds += since(waited);
        if (analysed && !stop.load()) {
            spare = std::move(writing);
            writing = std::move(analysed);
            writer.start([&, batch = writing.get()] { timed(&m_writeClock, [&] { write(*batch, &stop); }); });
        }
        if (next)
            next->clear();
    };
    const auto onBatch = [&](std::vector<LogRequest>& batch) { advance(&batch); };
    const auto readStart = Clock::now();
    for (std::size_t i = 0; i < m_files.size() && readOk && !stop.load(); ++i) {
        const std::string& path = m_files[i];
        const auto onProgress = [&](std::uint64_t bytes) {
            m_progress.report(QStringLiteral("Reading %1").arg(QString::fromStdString(fs::path(path).filename().string())),
                              totalBytes ? 0.95 * double(doneBytes + bytes) / double(totalBytes) : 0);
        };
        if (isPostgresUri(path)) {
            FieldMap map = liteLlmFieldMap();
            for (std::size_t f = 0; f < kFieldCount; ++f)
                if (m_map.overridden[f])
                    map.paths[f] = m_map.paths[f];
            m_progress.report(QStringLiteral("Reading LiteLLM's database"), 0, true);
            PostgresRead pg = readLiteLlmPostgres(path, int(i), map, m_options.from, m_options.to, onBatch,
                                                  &m_databaseIssues, &stop);
            readOk = pg.ok;
            if (pg.ok)
                m_databaseReports.push_back(std::move(pg.report));
            else
                m_databaseError = pg.error;
            continue;
        }
        readOk = reader.readFile(path, int(i), onBatch, onProgress, &stop);
        std::error_code ec;
        doneBytes += fs::file_size(path, ec);
    }
    const double readSeconds = since(readStart);
    // Drain: the last batch read goes to writing, then the pipeline is empty.
    if (readOk) {
        advance(nullptr);
        advance(nullptr);
    }
    analysis.wait();
    writer.wait();
    m_result.requests = m_tables.requests();
    m_result.outsideRange = m_outsideRange;
    if (!readOk || stop.load()) {
        m_result.cancelled = cancelled();
        m_result.error = !m_writer.error().empty() ? m_writer.error()
                         : m_result.cancelled         ? "cancelled"
                         : !m_databaseError.empty()   ? m_databaseError
                                                      : reader.error();
        m_writer.abandon();
        return m_result;
    }
    m_result.files = reader.files();
    m_result.files.insert(m_result.files.end(), m_databaseReports.begin(), m_databaseReports.end());
    m_result.issues.merge(reader.issues());
    m_result.issues.merge(m_databaseIssues);
    if (m_result.requests == 0) {
        m_result.error = "no request could be read" +
                         std::string(m_result.outsideRange > 0 ? " inside --from/--to" : "") + "; nothing written";
        m_writer.abandon();
        return m_result;
    }
    // CPU so far: the reading thread's own (less the stage tasks it ran itself), each stage's
    // tasks; the analysis also runs its per-request work on other pool threads, so it gets the
    // rest of the process's CPU time.
    const double readerCpu = threadCpu() - readerCpuStart, processCpuRead = processCpu() - processCpuStart;
    m_result.times.parseCpu = readerCpu - m_analysisClock.cpuOnReader - m_writeClock.cpuOnReader;
    m_result.times.familiesCpu = processCpuRead - m_result.times.parseCpu - m_writeClock.cpu;
    m_progress.report(QStringLiteral("Writing the investigation"), 0.96, true);
    const auto tables = Clock::now();
    const double tablesCpu = threadCpu();
    std::string error;
    if (!writeTables() || cancelled() || (m_options.beforeFinish && !m_options.beforeFinish(m_writer, &error)) ||
        cancelled() || !m_writer.finish(&error)) {
        m_result.cancelled = cancelled();
        m_result.error = m_result.cancelled ? "cancelled" : !error.empty() ? error : m_writer.error();
        m_writer.abandon();
        return m_result;
    }
    m_result.times.writeCpu = m_writeClock.cpu + (threadCpu() - tablesCpu);
    m_progress.report(QStringLiteral("Done"), 1.0, true);
    // Wall time each stage was busy; they overlap, so together they exceed the total.
    m_result.times.total = since(start);
    m_result.times.parse = readSeconds - m_handoffSeconds;
    m_result.times.families = m_analysisClock.seconds;
    m_result.times.write = m_writeClock.seconds + since(tables);
    m_result.ok = true;
    return m_result;
}

} // namespace

ImportResult importLogs(const ImportOptions& options, const ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    Import job(options, progress, cancel);
    return job.run();
}

} // namespace hs::logimport
