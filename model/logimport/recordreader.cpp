// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordreader.h"

#include <openssl/evp.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>

namespace hs::logimport {

namespace {
constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kMaxRecord = std::size_t(256) << 20;

// Bytes equal to zero: each such byte's top bit set, every other bit clear (exact, no carries).
std::uint64_t zeroBytes(std::uint64_t v)
{
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((v & low7) + low7) | v | low7);
}

// Whether [p, p + n) holds an odd number of '"' bytes, eight bytes at a time: the scan for
// record ends runs over every byte of the input on the reading thread.
bool oddQuotes(const char* p, std::size_t n)
{
    constexpr std::uint64_t quotes = 0x2222222222222222ULL;
    std::uint64_t parity = 0;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t v;
        std::memcpy(&v, p + i, 8);
        parity ^= zeroBytes(v ^ quotes) >> 7;
    }
    parity ^= parity >> 32;
    parity ^= parity >> 16;
    parity ^= parity >> 8;
    bool odd = (parity & 1) != 0;
    for (; i < n; ++i)
        odd ^= p[i] == '"';
    return odd;
}
} // namespace

// One of: nothing (plain text), zlib's inflate (gzip), zstd's streaming decoder.
struct RecordReader::Decoder
{
    enum Kind { Plain, Gzip, Zstd } kind = Plain;
    z_stream z{};
    bool zOpen = false;
    ZSTD_DStream* zstd = nullptr;
    bool inFrame = false; // inside a gzip member or zstd frame: input ending here is truncation

    ~Decoder()
    {
        if (zOpen)
            inflateEnd(&z);
        if (zstd)
            ZSTD_freeDStream(zstd);
    }
};

// The running SHA-256 of the raw bytes read from the file.
struct RecordReader::Hash
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    bool ok = context && EVP_DigestInit_ex(context, EVP_sha256(), nullptr) == 1;
    std::string hex; // once finished

    ~Hash() { EVP_MD_CTX_free(context); }
    Hash() = default;
    Hash(const Hash&) = delete;
    Hash& operator=(const Hash&) = delete;
};

RecordReader::RecordReader() = default;

RecordReader::~RecordReader()
{
    if (m_file)
        std::fclose(m_file);
}

bool RecordReader::open(const std::string& path, std::string* error)
{
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file) {
        *error = std::string("cannot open: ") + std::strerror(errno);
        return false;
    }
    m_hash = std::make_unique<Hash>();
    return true;
}

std::string RecordReader::sha256Hex()
{
    if (!m_hash || !m_hash->ok || !m_eof || !m_error.empty())
        return {};
    if (m_hash->hex.empty()) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (EVP_DigestFinal_ex(m_hash->context, digest, &size) != 1) {
            m_hash->ok = false;
            return {};
        }
        static const char digits[] = "0123456789abcdef";
        for (unsigned int i = 0; i < size; ++i) {
            m_hash->hex.push_back(digits[digest[i] >> 4]);
            m_hash->hex.push_back(digits[digest[i] & 15]);
        }
    }
    return m_hash->hex;
}

void RecordReader::openMemory(std::string_view bytes)
{
    m_memory = bytes;
    m_fromMemory = true;
}

bool RecordReader::fail(const std::string& message)
{
    if (m_error.empty())
        m_error = message;
    return false;
}

// Decodes more input into m_buffer; false at the end of the input or on error.
bool RecordReader::fill()
{
    if (!m_error.empty() || m_eof)
        return false;
    // Raw bytes: from the file, or all of the memory at once.
    if (m_raw.size() < kChunk && !(m_fromMemory ? m_memory.empty() : std::feof(m_file))) {
        if (m_fromMemory) {
            m_raw.append(m_memory);
            m_memory = {};
        } else {
            const std::size_t old = m_raw.size();
            m_raw.resize(old + kChunk);
            const std::size_t got = std::fread(m_raw.data() + old, 1, kChunk, m_file);
            m_raw.resize(old + got);
            if (std::ferror(m_file))
                return fail("read error at byte offset " + std::to_string(m_inputRead + old));
            if (m_hash && m_hash->ok && got > 0)
                m_hash->ok = EVP_DigestUpdate(m_hash->context, m_raw.data() + old, got) == 1;
        }
    }
    const bool inputDone = m_fromMemory ? m_memory.empty() : std::feof(m_file) != 0;
    if (!m_decoder) {
        m_decoder = std::make_unique<Decoder>();
        const auto* b = reinterpret_cast<const unsigned char*>(m_raw.data());
        if (m_raw.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b) {
            m_decoder->kind = Decoder::Gzip;
            if (inflateInit2(&m_decoder->z, 15 + 16) != Z_OK)
                return fail("cannot start gzip decoding");
            m_decoder->zOpen = true;
        } else if (m_raw.size() >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) {
            m_decoder->kind = Decoder::Zstd;
            m_decoder->zstd = ZSTD_createDStream();
            ZSTD_initDStream(m_decoder->zstd);
        }
    }
    if (m_raw.empty() && inputDone) {
        if (m_decoder->inFrame)
            return fail("compressed data ends early at byte offset " + std::to_string(m_inputRead));
        m_eof = true;
        return false;
    }
    const std::size_t before = m_buffer.size();
    if (m_decoder->kind == Decoder::Plain) {
        m_buffer.append(m_raw);
        m_inputRead += m_raw.size();
        m_raw.clear();
    } else if (m_decoder->kind == Decoder::Gzip) {
        z_stream& z = m_decoder->z;
        std::size_t used = 0;
        while (used < m_raw.size() && m_buffer.size() - before <= 4 * kChunk) {
            const std::size_t old = m_buffer.size();
            m_buffer.resize(old + kChunk);
            z.next_in = reinterpret_cast<Bytef*>(m_raw.data() + used);
            z.avail_in = static_cast<uInt>(m_raw.size() - used);
            z.next_out = reinterpret_cast<Bytef*>(m_buffer.data() + old);
            z.avail_out = static_cast<uInt>(kChunk);
            const int rc = inflate(&z, Z_NO_FLUSH);
            used = m_raw.size() - z.avail_in;
            m_buffer.resize(old + kChunk - z.avail_out);
            m_decoder->inFrame = rc != Z_STREAM_END;
            if (rc == Z_STREAM_END)
                inflateReset(&z); // another member may follow
            else if (rc != Z_OK && rc != Z_BUF_ERROR)
                return fail("corrupt gzip data near compressed byte offset " + std::to_string(m_inputRead + used));
        }
        m_inputRead += used;
        m_raw.erase(0, used);
    } else {
        ZSTD_inBuffer in{m_raw.data(), m_raw.size(), 0};
        while (in.pos < in.size && m_buffer.size() - before <= 4 * kChunk) {
            const std::size_t old = m_buffer.size();
            m_buffer.resize(old + kChunk);
            ZSTD_outBuffer out{m_buffer.data() + old, kChunk, 0};
            const std::size_t rc = ZSTD_decompressStream(m_decoder->zstd, &out, &in);
            m_buffer.resize(old + out.pos);
            if (ZSTD_isError(rc))
                return fail(std::string("corrupt zstd data (") + ZSTD_getErrorName(rc) +
                            ") near compressed byte offset " + std::to_string(m_inputRead + in.pos));
            m_decoder->inFrame = rc != 0;
        }
        m_inputRead += in.pos;
        m_raw.erase(0, in.pos);
    }
    if (m_buffer.size() == before && inputDone && m_raw.empty() && m_decoder->inFrame)
        return fail("compressed data ends early at byte offset " + std::to_string(m_inputRead));
    if (m_buffer.size() == before && inputDone && m_raw.empty()) {
        m_eof = true;
        return false;
    }
    return true;
}

std::string_view RecordReader::peek(std::size_t bytes)
{
    while (m_buffer.size() - m_pos < bytes && fill()) {
    }
    std::string_view view(m_buffer.data() + m_pos, std::min(bytes, m_buffer.size() - m_pos));
    if (!m_started && view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF")
        view.remove_prefix(3);
    return view;
}

bool RecordReader::next(std::string_view* record, bool csvQuotes)
{
    if (!m_started) {
        peek(3);
        if (m_buffer.size() - m_pos >= 3 && std::string_view(m_buffer.data() + m_pos, 3) == "\xEF\xBB\xBF")
            m_pos += 3;
        m_started = true;
    }
    std::size_t scan = m_pos;
    bool inQuotes = false;
    std::int64_t lines = 0;
    for (;;) {
        // Line by line (memchr), each checked for NUL bytes and, for CSV, for the parity of its
        // quotes: a line with an odd number of them opens or closes a quoted field.
        std::size_t end = std::string::npos;
        const char* base = m_buffer.data();
        const std::size_t size = m_buffer.size();
        while (scan < size) {
            const void* newline = std::memchr(base + scan, '\n', size - scan);
            const std::size_t lineEnd = newline ? std::size_t(static_cast<const char*>(newline) - base) : size;
            if (const void* nul = std::memchr(base + scan, '\0', lineEnd - scan))
                return fail("binary data (a NUL byte) at byte offset " +
                            std::to_string(m_decodedBase + std::size_t(static_cast<const char*>(nul) - base)));
            if (csvQuotes && oddQuotes(base + scan, lineEnd - scan))
                inQuotes = !inQuotes;
            scan = lineEnd;
            if (lineEnd == size)
                break;
            ++lines;
            if (!inQuotes) {
                end = scan;
                break;
            }
            ++scan;
        }
        if (end != std::string::npos) {
            std::size_t stop = end;
            if (stop > m_pos && m_buffer[stop - 1] == '\r')
                --stop;
            *record = std::string_view(m_buffer.data() + m_pos, stop - m_pos);
            m_recordLine = m_nextLine;
            m_nextLine += lines;
            m_pos = end + 1;
            m_unterminated = false;
            return true;
        }
        if (scan - m_pos > kMaxRecord)
            return fail("a record longer than 256 MB at byte offset " + std::to_string(m_decodedBase + m_pos));
        // Keep the unread part, drop the rest, then read on.
        if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
            m_buffer.erase(0, m_pos);
            m_decodedBase += m_pos;
            scan -= m_pos;
            m_pos = 0;
        }
        if (!fill()) {
            if (!m_error.empty() || m_pos >= m_buffer.size())
                return false;
            *record = std::string_view(m_buffer.data() + m_pos, m_buffer.size() - m_pos);
            if (!record->empty() && record->back() == '\r')
                record->remove_suffix(1);
            m_recordLine = m_nextLine;
            m_nextLine += lines + 1;
            m_pos = m_buffer.size();
            m_unterminated = true;
            return true;
        }
    }
}

} // namespace hs::logimport
