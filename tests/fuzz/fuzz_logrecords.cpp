// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: RecordReader on raw bytes: plain text, gzip and zstd (told apart by magic
// bytes), BOM, CR LF, CSV quotes across lines. Ends in records or an error, never a crash or hang.
#include "recordreader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    for (const bool csv : {false, true}) {
        hs::logimport::RecordReader reader;
        reader.openMemory(std::string_view(reinterpret_cast<const char*>(data), size));
        std::string_view record;
        while (reader.next(&record, csv)) {
        }
    }
    return 0;
}
