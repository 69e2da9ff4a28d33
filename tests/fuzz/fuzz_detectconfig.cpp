// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the --config file of `hydrascope detect` (TOML through cpptoml, then the
// key and range checks). Promises: a refused file leaves the configuration as it was; an
// accepted one is within every range and prints as TOML that reads back to the same values.
#include "detectconfig.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hs::detect;
    const std::string text(reinterpret_cast<const char*>(data), size);
    DetectConfig config;
    std::string error;
    const std::string defaults = detectConfigToml(config);
    if (!parseDetectConfig(text, "fuzz.toml", &config, &error)) {
        if (detectConfigToml(config) != defaults || error.empty())
            std::abort();
        return 0;
    }
    DetectConfig back;
    if (!parseDetectConfig(detectConfigToml(config), "printed", &back, &error) || detectConfigToml(back) != detectConfigToml(config))
        std::abort();
    if (config.minSignals < 1 || config.minSignals > 7 || config.windowHours <= 0 || config.minJsd < 0 || config.minJsd > 1)
        std::abort();
    return 0;
}
