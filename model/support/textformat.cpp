// SPDX-License-Identifier: GPL-3.0-or-later
#include "textformat.h"

#include <QLocale>

namespace hs {

QString percent(double fraction, int decimals)
{
    return QLocale::c().toString(fraction * 100.0, 'f', decimals) + QLatin1Char('%');
}

} // namespace hs
