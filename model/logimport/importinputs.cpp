// SPDX-License-Identifier: GPL-3.0-or-later
// The inputs and the reference text of an import: folders expanded, capability descriptions.
#include "importer.h"
#include "importinputs.h"
#include "litellmpostgres.h"
#include "sha256.h"

#include <QString>

#include <algorithm>
#include <filesystem>

namespace hs::logimport {

namespace fs = std::filesystem;

bool expandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* files, std::string* error)
{
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (isPostgresUri(input)) {
            files->push_back(input);
        } else if (fs::is_directory(input, ec)) {
            std::vector<std::string> inFolder;
            for (const auto& entry : fs::directory_iterator(input, ec))
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    inFolder.push_back(entry.path().string());
            std::sort(inFolder.begin(), inFolder.end());
            if (inFolder.empty()) {
                *error = input + ": the folder holds no files";
                return false;
            }
            files->insert(files->end(), inFolder.begin(), inFolder.end());
        } else if (fs::is_regular_file(input, ec)) {
            files->push_back(input);
        } else {
            *error = input + ": no such file or folder";
            return false;
        }
    }
    return true;
}


const char* capabilityDescription(const std::string& capability)
{
    static const std::pair<const char*, const char*> known[] = {
        {"reasoning", "Logical and mathematical reasoning"},
        {"chain_of_thought", "Eliciting written-out reasoning traces"},
        {"rubric_grading", "Grading or ranking answers against a rubric"},
        {"policy_sensitive_rewrite", "Rewriting policy-sensitive requests"},
        {"coding", "Writing and explaining code"},
        {"agentic_coding", "Multi-step coding in a repository"},
        {"tool_use", "Calling tools and functions"},
        {"orchestration", "Planning and delegating to sub-agents"},
        {"data_analysis", "Analysing tables and data sets"},
        {"computer_use", "Operating a desktop or browser"},
        {"vision", "Understanding images"},
        {"general", "Everything else"},
    };
    for (const auto& [name, text] : known)
        if (capability == name)
            return text;
    return "";
}

std::string sourceText(const std::vector<FileReport>& files, const std::atomic<bool>* cancel)
{
    std::string source = "hydrascope import:";
    for (const FileReport& f : files) {
        if (isPostgresUri(f.path)) {
            source += " litellm database " + f.path + " (a database: no SHA-256);";
            continue;
        }
        // Hashed while it was read (RecordReader); read again only when that was not possible.
        QString error;
        const QString digest = !f.sha256.empty() ? QString::fromStdString(f.sha256)
                               : sha256OfFile(QString::fromStdString(f.path), &error,
                                              [cancel] { return cancel && cancel->load(std::memory_order_relaxed); });
        source += " " + std::string(logFormatName(f.decision.format)) + (f.decision.csv ? " CSV " : " ") + f.path +
                  " (sha256 " + (digest.isEmpty() ? std::string("unreadable") : digest.toStdString()) + ");";
    }
    source.pop_back();
    return source;
}

} // namespace hs::logimport
