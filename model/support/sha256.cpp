// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <QFile>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>

namespace hs {

QString sha256OfFile(const QString& path, QString* error, const std::function<bool()>& stop)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    return sha256OfStream([&](char* buffer, qint64 size) {
        const qint64 n = file.read(buffer, size);
        if (n < 0)
            *error = file.errorString();
        return n;
    }, error, stop);
}

namespace {

// OpenSSL keeps per-thread state (the error queue, ~900 bytes) that it frees when the thread
// ends. Our pool threads often outlive OpenSSL's own atexit clean-up, which deletes the key that
// frees it, so the state leaked at exit (LeakSanitizer failed every CLI refusal). Release it when
// the hashing is done; OpenSSL allocates it again if the thread hashes again.
struct ThreadStateRelease {
    ThreadStateRelease() = default;
    ThreadStateRelease(const ThreadStateRelease&) = delete;
    ThreadStateRelease& operator=(const ThreadStateRelease&) = delete;
    ~ThreadStateRelease() { OPENSSL_thread_stop(); }
};

} // namespace

QString sha256OfStream(const std::function<qint64(char*, qint64)>& read, QString* error, const std::function<bool()>& stop)
{
    const ThreadStateRelease release; // declared first: runs after the context is freed
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        *error = QStringLiteral("SHA-256 is not available");
        return {};
    }
    QByteArray buffer(4 << 20, Qt::Uninitialized);
    for (;;) {
        if (stop && stop()) {
            *error = QStringLiteral("cancelled");
            return {};
        }
        const qint64 n = read(buffer.data(), buffer.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        EVP_DigestUpdate(ctx.get(), buffer.constData(), static_cast<size_t>(n));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &size);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(size)).toHex());
}

} // namespace hs
