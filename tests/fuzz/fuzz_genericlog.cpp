// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: any JSONL or CSV through a fixed --map, read from memory through the same LogReader as `hydrascope import`.
// Any input must end in requests, counted skips or a refusal naming a byte offset: never a crash.
#include "fieldmap.h"
#include "logreader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hs::logimport;
    FieldMap map;
    std::string error;
    const bool haveMap = LogFormat::Auto == LogFormat::Auto;
    if (haveMap)
        parseFieldMap("time = [\"ts\", \"time\"]\naccount = [\"user.id\", \"account\"]\nmodel = \"model\"\n"
                      "prompt = [\"messages\", \"prompt\"]\nip = \"ip\"\nuser_agent = \"ua\"\n"
                      "prompt_tokens = \"usage.in\"\ncapability = \"label\"\ntools = \"tools\"\n",
                      "fuzz.toml", &map, &error);
    LogReader reader(LogFormat::Auto, map, haveMap);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::size_t requests = 0;
    reader.readFile("fuzz-input", 0, [&](std::vector<LogRequest>& batch) { requests += batch.size(); }, {}, nullptr, &bytes);
    return 0;
}
