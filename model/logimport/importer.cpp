// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "capabilityrules.h"
#include "fieldmap.h"
#include "importinputs.h"
#include "job.h"
#include "investigationwriter.h"
#include "ipaddress.h"
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
#include <unordered_set>

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

constexpr int kMaxPerKind = 256; // distinct ip / ip_prefix / user_agent values kept per account

struct AccountState
{
    int kept[3] = {0, 0, 0}; // ip, ip_prefix, user_agent
    // The last address and user agent seen: an account mostly repeats them, and a repeat needs
    // no canonical form, no key and no set lookup.
    std::string lastIp, lastUserAgent;
};

class Import
{
public:
    Import(const ImportOptions& o, const ProgressCallback& p, const std::atomic<bool>* c)
        : m_options(o), m_progress(p, c), m_cancel(c) {}
    ImportResult run();

private:
    bool prepare();
    void consume(std::vector<LogRequest>& batch);
    bool writeTables();
    void indicator(std::int64_t account, int slot, const char* kind, const std::string& value);
    std::int64_t accountId(const std::string& name);
    std::int64_t modelId(const std::string& name, std::int64_t ts);

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
    std::vector<RequestFeatures> m_features;

    std::unordered_map<std::string, std::int64_t> m_accountIds;
    std::vector<std::string> m_accountNames;
    std::vector<AccountState> m_accounts;
    std::unordered_map<std::string, std::int64_t> m_modelIds;
    std::vector<std::string> m_modelNames;
    std::vector<std::int64_t> m_modelFirstSeen;
    std::unordered_set<std::string> m_indicatorKeys;
    std::vector<IndicatorRow> m_indicators;
    std::int64_t m_indicatorsDropped = 0;
    std::vector<std::int64_t> m_familyFirstExchange; // by analyzer family
    std::vector<std::int64_t> m_familyTemplate;      // 0: not yet a template (one member)
    std::int64_t m_nextTemplate = 0;
    double m_writeSeconds = 0, m_analyzeSeconds = 0;
    // CPU time of consume(): its own thread's share of the analysis (the family assignment in
    // order; the per-request work runs on pool threads) and its writing; and how much of it ran
    // on the reading thread (when the pool was busy).
    double m_assignCpu = 0, m_consumeWriteCpu = 0, m_consumeCpuOnReader = 0;
    std::thread::id m_readerThread;
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

std::int64_t Import::accountId(const std::string& name)
{
    const auto [it, inserted] = m_accountIds.emplace(name, std::int64_t(m_accountNames.size()) + 1);
    if (inserted) {
        m_accountNames.push_back(name);
        m_accounts.emplace_back();
    }
    return it->second;
}

std::int64_t Import::modelId(const std::string& name, std::int64_t ts)
{
    const auto [it, inserted] = m_modelIds.emplace(name, std::int64_t(m_modelNames.size()) + 1);
    if (inserted) {
        m_modelNames.push_back(name);
        m_modelFirstSeen.push_back(ts);
    } else {
        std::int64_t& first = m_modelFirstSeen[std::size_t(it->second - 1)];
        first = std::min(first, ts);
    }
    return it->second;
}

void Import::indicator(std::int64_t account, int slot, const char* kind, const std::string& value)
{
    if (value.empty())
        return;
    std::string key = std::to_string(account);
    key.append(1, '\0').append(kind).append(1, '\0').append(value);
    if (m_indicatorKeys.count(key))
        return;
    AccountState& state = m_accounts[std::size_t(account - 1)];
    const bool keep = slot < 0 || state.kept[slot] < kMaxPerKind;
    m_indicatorKeys.insert(std::move(key)); // a value dropped is counted once, as one kept is kept once
    if (!keep) {
        ++m_indicatorsDropped;
        return;
    }
    if (slot >= 0)
        ++state.kept[slot];
    m_indicators.push_back(IndicatorRow{account, kind, value});
}

void Import::consume(std::vector<LogRequest>& batch)
{
    const auto start = Clock::now();
    const double cpuStart = threadCpu();
    if (m_options.from || m_options.to) {
        const auto outside = [this](const LogRequest& r) {
            return (m_options.from && r.ts < *m_options.from) || (m_options.to && r.ts >= *m_options.to);
        };
        const auto end = std::remove_if(batch.begin(), batch.end(), outside);
        m_result.outsideRange += std::int64_t(batch.end() - end);
        batch.erase(end, batch.end());
    }
    m_analyzer->analyze(batch, &m_features);
    const auto analyzed = Clock::now();
    const double cpuAnalyzed = threadCpu();
    m_analyzeSeconds += since(start);
    std::string address, prefix;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const LogRequest& r = batch[i];
        const RequestFeatures& f = m_features[i];
        ExchangeRow row;
        row.ts = r.ts;
        row.account = accountId(r.account);
        row.model = modelId(r.model, r.ts);
        row.capability = f.capability + 1;
        row.promptTokens = r.promptTokens;
        row.completionTokens = r.completionTokens;
        row.cot = f.cot;
        if (f.family >= 0 && !f.newFamily) {
            const auto fam = std::size_t(f.family);
            if (m_familyTemplate[fam] == 0) {
                m_familyTemplate[fam] = ++m_nextTemplate;
                m_writer.promoteFamily(f.family, m_nextTemplate,
                                       familyFingerprint(m_analyzer->families().representative(f.family)),
                                       m_familyFirstExchange[fam]);
            }
            m_writer.setNextTemplate(m_familyTemplate[fam]);
        }
        const std::int64_t id = m_writer.addExchange(row);
        if (f.family >= 0 && f.newFamily) {
            m_familyFirstExchange.resize(std::size_t(f.family) + 1, 0);
            m_familyTemplate.resize(std::size_t(f.family) + 1, 0);
            m_familyFirstExchange[std::size_t(f.family)] = id;
            m_writer.holdSample(f.family, firstCharacters(r.prompt, 2000));
        }
        AccountState& state = m_accounts[std::size_t(row.account - 1)];
        if (!r.ip.empty() && r.ip != state.lastIp) {
            state.lastIp = r.ip;
            if (canonicalAddress(r.ip, &address, &prefix)) {
                indicator(row.account, 0, "ip", address);
                indicator(row.account, 1, "ip_prefix", prefix);
            } else {
                indicator(row.account, 0, "ip", r.ip.substr(0, 100));
            }
        }
        if (!r.userAgent.empty() && r.userAgent != state.lastUserAgent) {
            state.lastUserAgent = r.userAgent;
            indicator(row.account, 2, "user_agent", r.userAgent.substr(0, 1000));
        }
    }
    m_result.requests += std::int64_t(batch.size());
    m_writeSeconds += since(analyzed);
    const double cpuEnd = threadCpu();
    m_assignCpu += cpuAnalyzed - cpuStart;
    m_consumeWriteCpu += cpuEnd - cpuAnalyzed;
    if (std::this_thread::get_id() == m_readerThread)
        m_consumeCpuOnReader += cpuEnd - cpuStart;
}

bool Import::writeTables()
{
    // Models: the logs' models joined with --models; the listed ones not in the logs too (their
    // release markers still matter on the timeline).
    std::unordered_map<std::string, std::int64_t> released;
    for (const ModelRelease& m : m_modelReleases)
        released[m.name] = m.releasedAt;
    std::int64_t fromLogs = 0;
    for (std::size_t i = 0; i < m_modelNames.size(); ++i) {
        const auto it = released.find(m_modelNames[i]);
        if (it == released.end())
            ++fromLogs;
        m_writer.addModel(std::int64_t(i) + 1, m_modelNames[i], it == released.end() ? m_modelFirstSeen[i] : it->second);
    }
    for (const ModelRelease& m : m_modelReleases)
        if (!m_modelIds.count(m.name)) {
            m_modelNames.push_back(m.name);
            m_modelIds.emplace(m.name, std::int64_t(m_modelNames.size()));
            m_writer.addModel(std::int64_t(m_modelNames.size()), m.name, m.releasedAt);
        }
    m_result.models = std::int64_t(m_modelNames.size());
    m_result.releasesFromLogs = fromLogs > 0;
    const std::vector<std::string>& caps = m_analyzer->capabilities();
    for (std::size_t i = 0; i < caps.size(); ++i)
        m_writer.addCapability(std::int64_t(i) + 1, caps[i], capabilityDescription(caps[i]));
    for (std::size_t i = 0; i < m_accountNames.size(); ++i) {
        AccountRow a;
        a.id = std::int64_t(i) + 1;
        a.externalRef = m_accountNames[i];
        const auto it = m_accountInfo.find(m_accountNames[i]);
        if (it != m_accountInfo.end()) {
            const AccountInfo& info = it->second;
            a.createdAt = info.createdAt.value_or(-1);
            a.country = info.country;
            a.accessPath = info.accessPath;
            a.payment = info.payment;
            a.status = info.status;
            a.statusChangedAt = info.statusChangedAt.value_or(-1);
            indicator(a.id, -1, "payment", info.payment);
            indicator(a.id, -1, "email_domain", info.emailDomain);
            indicator(a.id, -1, "org_name", info.orgName);
        }
        m_writer.addAccount(a);
    }
    for (const auto& [name, info] : m_accountInfo)
        if (!m_accountIds.count(name))
            ++m_result.accountsCsvUnused;
    for (const IndicatorRow& row : m_indicators)
        m_writer.addIndicator(row);
    m_result.accounts = std::int64_t(m_accountNames.size());
    m_result.indicators = std::int64_t(m_indicators.size());
    m_result.templates = m_nextTemplate;

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
    if (m_indicatorsDropped > 0)
        m_result.notes.push_back(std::to_string(m_indicatorsDropped) + " further distinct addresses or user agents were "
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
    // Reading runs here; each batch read is analysed on the pool while the next one is read (one
    // batch in flight), so parsing overlaps with the rest. No thread of our own: when the pool is
    // busy, the batch is analysed here before the next is handed over, and nothing ever waits for
    // a thread that cannot come.
    LogReader reader(m_options.format, m_map, !m_options.mapFile.empty());
    std::atomic<bool> stop{false};
    bool readOk = true;
    std::vector<LogRequest> inFlight;
    PoolTask analysis;
    const auto onBatch = [&](std::vector<LogRequest>& batch) {
        analysis.wait();
        if (m_cancel && m_cancel->load())
            stop.store(true);
        if (!stop.load()) {
            inFlight = std::move(batch);
            analysis.start([&] {
                consume(inFlight);
                if (!m_writer.error().empty() || (m_cancel && m_cancel->load()))
                    stop.store(true);
            });
        }
        batch.clear();
    };
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
    analysis.wait();
    if (!readOk || stop.load()) {
        m_result.cancelled = m_cancel && m_cancel->load();
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
    // Everything so far: reading on this thread, consume() on a pool thread (or here), the
    // per-request analysis on the other pool threads (the rest of the process's CPU time).
    const double readerCpu = threadCpu() - readerCpuStart, processCpuRead = processCpu() - processCpuStart;
    const double consumeCpu = m_assignCpu + m_consumeWriteCpu;
    m_result.times.parseCpu = readerCpu - m_consumeCpuOnReader;
    m_result.times.familiesCpu = processCpuRead - readerCpu - (consumeCpu - m_consumeCpuOnReader) + m_assignCpu;
    m_progress.report(QStringLiteral("Writing the investigation"), 0.96, true);
    const auto tables = Clock::now();
    const double tablesCpu = threadCpu();
    std::string error;
    if (!writeTables() || (m_cancel && m_cancel->load()) ||
        (m_options.beforeFinish && !m_options.beforeFinish(m_writer, &error)) || (m_cancel && m_cancel->load()) ||
        !m_writer.finish(&error)) {
        m_result.cancelled = m_cancel && m_cancel->load();
        m_result.error = m_result.cancelled ? "cancelled" : !error.empty() ? error : m_writer.error();
        m_writer.abandon();
        return m_result;
    }
    m_writeSeconds += since(tables);
    m_result.times.writeCpu = m_consumeWriteCpu + (threadCpu() - tablesCpu);
    m_progress.report(QStringLiteral("Done"), 1.0, true);
    m_result.times.total = since(start);
    m_result.times.families = m_analyzeSeconds;
    m_result.times.write = m_writeSeconds;
    m_result.times.parse = m_result.times.total - m_analyzeSeconds - m_writeSeconds;
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
