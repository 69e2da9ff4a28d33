// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The case file's integrity: canonical content hashes, the audit hash chain, and verification
// of a whole case against its evidence.

#include "casedata.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hs {

constexpr char kGenesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 (lower-case hex) of the frozen encoding of the case's format version (casehash.h):
// field order fixed, nothing left out.
QString contentHash(const Annotation& a, int formatVersion);
QString contentHash(const SavedView& v, int formatVersion);
QString contentHash(const CaseInfo& info, int formatVersion); // the evidence identity and the reviewer, not the path
// The hash an entry must carry: over its prevHash and every other field.
QString chainHash(const AuditEntry& e, int formatVersion);
QString sha256Hex(const QByteArray& bytes);

struct CaseVerification
{
    QStringList tampering;     // audit chain or content problems: the case cannot be trusted
    QStringList evidence;      // evidence missing or changed
    QString evidencePath;      // where the evidence was looked for and found (empty: not found)
    bool evidenceChecked = false;
    int exitCode() const { return !tampering.isEmpty() ? 2 : (!evidence.isEmpty() ? 1 : 0); }
};

// Reports what the snapshot could not read (damage) as tampering, checks the chain, that every annotation and saved view is what the log last recorded for it,
// and (unless `checkEvidence` is false) that the evidence file exists and has the recorded hash.
CaseVerification verifyCase(const CaseSnapshot& snapshot, bool checkEvidence = true);

} // namespace hs
