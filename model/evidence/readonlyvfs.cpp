// SPDX-License-Identifier: GPL-3.0-or-later
#include "readonlyvfs.h"

#include <sqlite3.h>

#include <cstring>
#include <mutex>

namespace hs {
namespace {

constexpr const char* kVfsName = "hydrascope-evidence";

sqlite3_vfs g_vfs;
sqlite3_vfs* g_base = nullptr;

// Our file object: our header, then the base VFS's file object (or nothing for a fake file).
struct GuardFile
{
    sqlite3_file base;
    sqlite3_file* real; // nullptr: a missing WAL file presented as empty
};

sqlite3_file* realOf(sqlite3_file* f) { return reinterpret_cast<GuardFile*>(f)->real; }

int guardClose(sqlite3_file* f)
{
    sqlite3_file* r = realOf(f);
    return r ? r->pMethods->xClose(r) : SQLITE_OK;
}
int guardRead(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset)
{
    sqlite3_file* r = realOf(f);
    if (!r) {
        std::memset(buf, 0, static_cast<size_t>(amount));
        return SQLITE_IOERR_SHORT_READ;
    }
    return r->pMethods->xRead(r, buf, amount, offset);
}
int refuseWrite(sqlite3_file*, const void*, int, sqlite3_int64) { return SQLITE_READONLY; }
int refuseTruncate(sqlite3_file*, sqlite3_int64) { return SQLITE_READONLY; }
int guardSync(sqlite3_file*, int) { return SQLITE_OK; }
int guardFileSize(sqlite3_file* f, sqlite3_int64* size)
{
    sqlite3_file* r = realOf(f);
    if (!r) {
        *size = 0;
        return SQLITE_OK;
    }
    return r->pMethods->xFileSize(r, size);
}
int guardLock(sqlite3_file* f, int level)
{
    sqlite3_file* r = realOf(f);
    // A reader never needs more than SHARED; refusing more keeps SQLite from checkpointing.
    if (level > SQLITE_LOCK_SHARED)
        return SQLITE_BUSY;
    return r ? r->pMethods->xLock(r, level) : SQLITE_OK;
}
int guardUnlock(sqlite3_file* f, int level)
{
    sqlite3_file* r = realOf(f);
    return r ? r->pMethods->xUnlock(r, level) : SQLITE_OK;
}
int guardCheckReservedLock(sqlite3_file* f, int* out)
{
    sqlite3_file* r = realOf(f);
    if (!r) {
        *out = 0;
        return SQLITE_OK;
    }
    return r->pMethods->xCheckReservedLock(r, out);
}
int guardFileControl(sqlite3_file* f, int op, void* arg)
{
    sqlite3_file* r = realOf(f);
    return r ? r->pMethods->xFileControl(r, op, arg) : SQLITE_NOTFOUND;
}
int guardSectorSize(sqlite3_file* f)
{
    sqlite3_file* r = realOf(f);
    return r ? r->pMethods->xSectorSize(r) : 4096;
}
int guardDeviceCharacteristics(sqlite3_file* f)
{
    sqlite3_file* r = realOf(f);
    return r ? r->pMethods->xDeviceCharacteristics(r) : 0;
}
// No shared memory: SQLite then keeps a private, heap-memory WAL index built from the -wal file.
int guardShmMap(sqlite3_file*, int, int, int, void volatile** page)
{
    *page = nullptr;
    return SQLITE_READONLY_CANTINIT;
}
int guardShmLock(sqlite3_file*, int, int, int) { return SQLITE_OK; }
void guardShmBarrier(sqlite3_file*) {}
int guardShmUnmap(sqlite3_file*, int) { return SQLITE_OK; }
int guardFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out)
{
    sqlite3_file* r = realOf(f);
    if (!r || r->pMethods->iVersion < 3) {
        *out = nullptr;
        return SQLITE_OK;
    }
    return r->pMethods->xFetch(r, offset, amount, out);
}
int guardUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* p)
{
    sqlite3_file* r = realOf(f);
    if (!r || r->pMethods->iVersion < 3)
        return SQLITE_OK;
    return r->pMethods->xUnfetch(r, offset, p);
}

const sqlite3_io_methods g_methods = {
    3, guardClose, guardRead, refuseWrite, refuseTruncate, guardSync, guardFileSize, guardLock,
    guardUnlock, guardCheckReservedLock, guardFileControl, guardSectorSize, guardDeviceCharacteristics,
    guardShmMap, guardShmLock, guardShmBarrier, guardShmUnmap, guardFetch, guardUnfetch};

int guardOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* guard = reinterpret_cast<GuardFile*>(file);
    guard->base.pMethods = nullptr;
    guard->real = nullptr;
    const int readOnlyFlags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                         SQLITE_OPEN_DELETEONCLOSE | SQLITE_OPEN_EXCLUSIVE)) |
                              SQLITE_OPEN_READONLY;
    if (!name)
        return SQLITE_CANTOPEN; // temporary files are never needed by a reader
    if (flags & SQLITE_OPEN_WAL) {
        int exists = 0;
        g_base->xAccess(g_base, name, SQLITE_ACCESS_EXISTS, &exists);
        if (!exists) {
            guard->base.pMethods = &g_methods;
            if (outFlags)
                *outFlags = SQLITE_OPEN_READONLY;
            return SQLITE_OK;
        }
    }
    auto* real = reinterpret_cast<sqlite3_file*>(guard + 1);
    const int rc = g_base->xOpen(g_base, name, real, readOnlyFlags, outFlags);
    if (rc != SQLITE_OK) {
        if (real->pMethods)
            real->pMethods->xClose(real);
        return rc;
    }
    guard->real = real;
    guard->base.pMethods = &g_methods;
    if (outFlags)
        *outFlags = (*outFlags & ~SQLITE_OPEN_READWRITE) | SQLITE_OPEN_READONLY;
    return SQLITE_OK;
}

int refuseDelete(sqlite3_vfs*, const char*, int) { return SQLITE_READONLY; }

void registerVfs()
{
    g_base = sqlite3_vfs_find(nullptr);
    g_vfs = *g_base;
    g_vfs.iVersion = g_base->iVersion < 3 ? g_base->iVersion : 3;
    g_vfs.szOsFile = static_cast<int>(sizeof(GuardFile)) + g_base->szOsFile;
    g_vfs.zName = kVfsName;
    g_vfs.pNext = nullptr;
    g_vfs.xOpen = guardOpen;
    g_vfs.xDelete = refuseDelete;
    sqlite3_vfs_register(&g_vfs, 0);
}

} // namespace

const char* evidenceVfsName()
{
    static std::once_flag once;
    std::call_once(once, registerVfs);
    return kVfsName;
}

} // namespace hs
