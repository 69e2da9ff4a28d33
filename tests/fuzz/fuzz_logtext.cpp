// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the per-request text work of `hydrascope import`: log times, client
// addresses, shingles in every script, MinHash signatures and the built-in capability rules.
#include "capabilityrules.h"
#include "ipaddress.h"
#include "minhash.h"
#include "shingles.h"
#include "timeparse.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hs::logimport;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::int64_t seconds = 0;
    parseLogTime(text, &seconds);
    std::string address, prefix;
    canonicalAddress(text, &address, &prefix);
    std::vector<std::uint64_t> shingles;
    shingleHashes(text, &shingles);
    Signature signature;
    minhashSignature(shingles, &signature);
    FamilyIndex families;
    families.assign(signature);
    static CapabilityRules rules = [] {
        CapabilityRules r;
        std::string error;
        r.parse(CapabilityRules::builtIn(), "built-in", &error);
        return r;
    }();
    rules.classify(text, false);
    return 0;
}
