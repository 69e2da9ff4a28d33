// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: --map files (TOML through cpptoml) and capability rules files, the two
// configuration files `hydrascope import` reads, then the rules applied to the input as a prompt.
#include "capabilityrules.h"
#include "fieldmap.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hs::logimport;
    const std::string text(reinterpret_cast<const char*>(data), size);
    FieldMap map;
    std::string error;
    parseFieldMap(text, "fuzz.toml", &map, &error);
    CapabilityRules rules;
    if (rules.parse(text, "fuzz-rules.txt", &error))
        rules.classify(text, size % 2 == 0);
    return 0;
}
