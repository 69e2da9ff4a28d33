// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reference text of an import (expandInputs() is declared in importer.h).

#include "logreader.h"

#include <atomic>
#include <string>
#include <vector>

namespace hs::logimport {

// A plain description of the spec's capability names; empty for any other name.
const char* capabilityDescription(const std::string& capability);

// meta.source: "hydrascope import:" and each input with its format and SHA-256 (a database: none).
std::string sourceText(const std::vector<FileReport>& files, const std::atomic<bool>* cancel);

} // namespace hs::logimport
