// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvsplit.h"

namespace hs::logimport {

bool splitCsvRecord(std::string_view record, std::vector<std::string>* fields)
{
    std::size_t count = 0;
    auto field = [&]() -> std::string& {
        if (count == fields->size())
            fields->emplace_back();
        std::string& f = (*fields)[count++];
        f.clear();
        return f;
    };
    std::size_t i = 0;
    for (;;) {
        std::string& f = field();
        if (i < record.size() && record[i] == '"') {
            ++i;
            for (;;) {
                const std::size_t quote = record.find('"', i);
                if (quote == std::string_view::npos)
                    return false;
                f.append(record.substr(i, quote - i));
                i = quote + 1;
                if (i < record.size() && record[i] == '"') {
                    f.push_back('"');
                    ++i;
                    continue;
                }
                break;
            }
            // Text after the closing quote up to the comma is kept, as spreadsheets do.
            const std::size_t comma = record.find(',', i);
            f.append(record.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
            if (comma == std::string_view::npos)
                break;
            i = comma + 1;
        } else {
            const std::size_t comma = record.find(',', i);
            f.append(record.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
            if (comma == std::string_view::npos)
                break;
            i = comma + 1;
        }
    }
    fields->resize(count);
    return true;
}

} // namespace hs::logimport
