// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeparse.h"

#include <cctype>

namespace hs::logimport {

std::int64_t daysFromCivil(std::int64_t year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<int>(year - era * 400);
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

namespace {

bool digits(std::string_view text, std::size_t at, int count, int* value)
{
    if (at + std::size_t(count) > text.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[at + std::size_t(i)];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

bool parseNumber(std::string_view text, std::int64_t* seconds)
{
    std::size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative)
        i = 1;
    std::int64_t whole = 0;
    std::size_t digitsSeen = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digitsSeen) {
        // Past int64 is no time (the fuzzer's 19 nines overflowed here): refused, never wrapped.
        if (__builtin_mul_overflow(whole, 10, &whole) || __builtin_add_overflow(whole, text[i] - '0', &whole))
            return false;
    }
    if (digitsSeen == 0)
        return false;
    if (i < text.size()) { // a fraction: only digits may follow the point
        if (text[i] != '.')
            return false;
        for (++i; i < text.size(); ++i)
            if (text[i] < '0' || text[i] > '9')
                return false;
    }
    // Unit by magnitude: seconds until 5138 AD, then ms, us, ns.
    if (whole >= 100'000'000'000'000'000LL)
        whole /= 1'000'000'000;
    else if (whole >= 100'000'000'000'000LL)
        whole /= 1'000'000;
    else if (whole >= 100'000'000'000LL)
        whole /= 1000;
    *seconds = negative ? -whole : whole;
    return true;
}

} // namespace

bool parseLogTime(std::string_view text, std::int64_t* seconds)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '"'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"'))
        text.remove_suffix(1);
    if (text.empty())
        return false;
    int year = 0, month = 0, day = 0;
    if (text.size() < 10 || text[4] != '-' || !digits(text, 0, 4, &year))
        return parseNumber(text, seconds);
    if (!digits(text, 5, 2, &month) || text[7] != '-' || !digits(text, 8, 2, &day) || month < 1 || month > 12 ||
        day < 1 || day > 31)
        return false;
    std::int64_t s = daysFromCivil(year, month, day) * 86400;
    std::size_t i = 10;
    if (i < text.size() && (text[i] == 'T' || text[i] == 't' || text[i] == ' ')) {
        int hour = 0, minute = 0, second = 0;
        if (!digits(text, i + 1, 2, &hour) || i + 3 >= text.size() || text[i + 3] != ':' ||
            !digits(text, i + 4, 2, &minute) || hour > 23 || minute > 59)
            return false;
        i += 6;
        if (i < text.size() && text[i] == ':') {
            if (!digits(text, i + 1, 2, &second) || second > 60)
                return false;
            i += 3;
        }
        s += hour * 3600 + minute * 60 + second;
        if (i < text.size() && (text[i] == '.' || text[i] == ','))
            for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
            }
    }
    if (i == text.size())
        return *seconds = s, true;
    if ((text[i] == 'Z' || text[i] == 'z') && i + 1 == text.size())
        return *seconds = s, true;
    if (text[i] != '+' && text[i] != '-')
        return false;
    const int sign = text[i] == '+' ? 1 : -1;
    int oh = 0, om = 0;
    if (!digits(text, i + 1, 2, &oh))
        return false;
    std::size_t j = i + 3;
    if (j < text.size() && text[j] == ':')
        ++j;
    if (j < text.size()) {
        if (!digits(text, j, 2, &om) || j + 2 != text.size())
            return false;
    }
    *seconds = s - sign * (oh * 3600 + om * 60);
    return true;
}

} // namespace hs::logimport
