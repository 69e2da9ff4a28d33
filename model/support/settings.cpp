// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QSettings>

namespace hs {
namespace {
const QString kReviewer = QStringLiteral("preferences/reviewer");
const QString kOrganisation = QStringLiteral("preferences/organisation");
const QString kClassification = QStringLiteral("preferences/classification");
const QString kThreshold = QStringLiteral("preferences/threshold");
const QString kRedaction = QStringLiteral("preferences/redaction");
const QString kTheme = QStringLiteral("preferences/theme");
} // namespace

bool isRedactionProfile(const QString& name)
{
    return name == QLatin1String("internal") || name == QLatin1String("policy") || name == QLatin1String("external");
}

QString systemUserName()
{
    for (const char* name : {"HYDRASCOPE_REVIEWER", "USER", "USERNAME"})
        if (const QString v = qEnvironmentVariable(name); !v.isEmpty())
            return v;
    return {};
}

bool isTheme(const QString& name) { return name == QLatin1String("light") || name == QLatin1String("dark"); }

// Values that do not make sense (edited by hand, or from a newer version) fall back to defaults.
Settings Settings::load()
{
    const QSettings s;
    Settings out;
    out.reviewer = s.value(kReviewer).toString();
    out.organisation = s.value(kOrganisation).toString();
    out.classification = s.value(kClassification, out.classification).toString();
    bool ok = false;
    const double t = s.value(kThreshold, out.threshold).toDouble(&ok);
    if (ok && t > 0 && t <= 1)
        out.threshold = t;
    if (const QString r = s.value(kRedaction).toString(); isRedactionProfile(r))
        out.redaction = r;
    if (const QString theme = s.value(kTheme).toString(); isTheme(theme))
        out.theme = theme;
    return out;
}

void Settings::save() const
{
    QSettings s;
    s.setValue(kReviewer, reviewer);
    s.setValue(kOrganisation, organisation);
    s.setValue(kClassification, classification);
    s.setValue(kThreshold, threshold);
    s.setValue(kRedaction, redaction);
    s.setValue(kTheme, theme);
}

QString Settings::reviewerOrUser() const
{
    if (!reviewer.trimmed().isEmpty())
        return reviewer.trimmed();
    const QString user = systemUserName();
    return user.isEmpty() ? QStringLiteral("reviewer") : user;
}

} // namespace hs
