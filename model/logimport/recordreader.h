// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads one log file record by record, whatever its packing: plain, gzip (also several
// concatenated members, as `cat a.gz b.gz` makes) or zstd, told apart by their magic bytes, not
// by the name. A record is one line (CR LF or LF; a UTF-8 byte order mark at the start is
// dropped), or for CSV one line plus the lines that follow while a quoted field is open
// (LiteLLM's JSON columns hold newlines). A file that cannot be read as text (corrupt
// compression, NUL bytes, a record over 256 MB) stops with an error naming the byte offset.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace hs::logimport {

class RecordReader
{
public:
    RecordReader();
    ~RecordReader();
    RecordReader(const RecordReader&) = delete;
    RecordReader& operator=(const RecordReader&) = delete;

    bool open(const std::string& path, std::string* error);
    // Reads from memory instead (tests, fuzzers): the bytes must outlive the reader.
    void openMemory(std::string_view bytes);

    // The next record without its line end; false at the end or on error (see error()).
    bool next(std::string_view* record, bool csvQuotes);
    std::int64_t line() const { return m_recordLine; }       // first line of the last record, 1-based
    bool unterminated() const { return m_unterminated; }      // the last record had no line end
    std::uint64_t inputOffset() const { return m_inputRead; }  // bytes consumed from the file so far
    const std::string& error() const { return m_error; }
    // The first bytes of the (decompressed) content, for format detection; reads ahead if needed.
    std::string_view peek(std::size_t bytes);
    // SHA-256 (lower-case hex) of the file's bytes as read, once next() has reached the end of a
    // file opened with open(); empty before that, on error and for openMemory(). Hashing as the
    // bytes go by spares `import` a second pass over many gigabytes for meta.source.
    std::string sha256Hex();

private:
    bool fill();
    bool fail(const std::string& message);

    struct Decoder;
    struct Hash;
    std::FILE* m_file = nullptr;
    std::unique_ptr<Hash> m_hash;
    std::string_view m_memory;
    bool m_fromMemory = false;
    std::unique_ptr<Decoder> m_decoder;
    std::string m_raw;      // compressed bytes not yet decoded
    std::string m_buffer;   // decoded text
    std::size_t m_pos = 0;  // start of the unread part of m_buffer
    std::uint64_t m_decodedBase = 0; // decoded offset of m_buffer[0]
    std::uint64_t m_inputRead = 0;
    std::int64_t m_nextLine = 1;
    std::int64_t m_recordLine = 0;
    bool m_eof = false;
    bool m_started = false;
    bool m_unterminated = false;
    std::string m_error;
};

} // namespace hs::logimport
