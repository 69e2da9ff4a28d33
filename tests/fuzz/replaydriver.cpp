// SPDX-License-Identifier: GPL-3.0-or-later
// A plain main() for a fuzz harness (docs/fuzzing.md): feeds it every file in the directories or
// files given, in name order, so the committed regressions and seeds run in every normal build
// without libFuzzer. A crash, a sanitizer report or an abort() in the harness fails the test.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg(argv[i]);
        if (fs::is_directory(arg)) {
            for (const auto& entry : fs::directory_iterator(arg))
                if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
                    inputs.push_back(entry.path());
        } else if (fs::is_regular_file(arg)) {
            inputs.push_back(arg);
        } else { // a harness without regressions yet has no tests/fixtures/fuzz/NAME/
            std::printf("replay: %s does not exist: nothing to replay there\n", argv[i]);
        }
    }
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& path : inputs) {
        std::ifstream in(path, std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::printf("replay: %s (%zu bytes)\n", path.string().c_str(), bytes.size());
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    if (inputs.empty()) { // a replay that checks nothing must not pass
        std::fprintf(stderr, "replay: no input at all: commit seeds in tests/fuzz/corpus/NAME/\n");
        return 2;
    }
    std::printf("replay: %zu input(s), no failure\n", inputs.size());
    return 0;
}
