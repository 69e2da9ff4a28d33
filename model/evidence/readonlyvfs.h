// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A guard VFS for evidence files. SQLite's own read-only modes are not enough for evidence:
// opening a WAL database read-only creates `-shm` (and possibly `-wal`) beside it, while
// `immutable=1` silently ignores committed data in an existing `-wal`. This shim wraps the
// default VFS so that
//  - no file is ever created, written or deleted (every open is forced read-only);
//  - a missing `-wal` reads as an empty one;
//  - the WAL index lives in heap memory (xShmMap answers SQLITE_READONLY_CANTINIT, which makes
//    SQLite rebuild the index privately from the `-wal` file), so WAL content is honoured.

namespace hs {

// Registers the VFS once (thread-safe) and returns its name for sqlite3_open_v2().
const char* evidenceVfsName();

} // namespace hs
