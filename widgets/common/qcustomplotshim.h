// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// QCustomPlot's header uses Qt's lower-case keywords (signals, slots, emit) and foreach, which our
// strict settings (QT_NO_KEYWORDS, QT_NO_FOREACH) switch off. Include it only through this file.
// (Debian builds QCustomPlot without OpenGL: never define QCUSTOMPLOT_USE_OPENGL.)

#pragma push_macro("signals")
#pragma push_macro("slots")
#pragma push_macro("emit")
#pragma push_macro("foreach")
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach(variable, container) for (variable : container)
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
#include <qcustomplot.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#pragma pop_macro("foreach")
#pragma pop_macro("emit")
#pragma pop_macro("slots")
#pragma pop_macro("signals")
