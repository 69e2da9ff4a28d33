// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The reviewer's preferences as one typed struct over QSettings: read once, edited in the
// Preferences dialog, written back whole. No other code reads or writes these keys.

#include <QString>

namespace hs {

struct Settings
{
    QString reviewer;                                   // empty: $USER
    QString organisation;                               // names the reviewer's organisation in exports
    QString classification = QStringLiteral("CONFIDENTIAL"); // the banner on reports
    double threshold = 0.25;                            // hourly share that makes a pivot
    QString redaction = QStringLiteral("internal");     // default profile for exports: internal, policy, external
    QString theme = QStringLiteral("light");            // light or dark

    static Settings load();
    void save() const;
    QString reviewerOrUser() const; // the reviewer, else systemUserName(), else "reviewer"
    bool operator==(const Settings&) const = default;
};

// Who is at the keyboard: $HYDRASCOPE_REVIEWER, else $USER, else $USERNAME; empty when none is set.
QString systemUserName();
bool isRedactionProfile(const QString& name);
bool isTheme(const QString& name);

} // namespace hs
