// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Axis tickers for counts of exchanges: whole numbers written in one style, with the locale's
// thousands separators ("1,500,000"), on a linear and on a logarithmic axis alike. QCustomPlot's
// own tickers write "500000" beside "1·10⁶".

#include "qcustomplotshim.h"

namespace hs {

class CountTicker final : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange& range) override; // never below one: counts are whole
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
};

class LogCountTicker final : public QCPAxisTickerLog
{
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
};

QString countTickLabel(double tick); // what both write: the application's locale, no decimals

} // namespace hs
