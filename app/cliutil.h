// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every subcommand shares: output to stdout, errors to stderr (prefixed, control characters
// escaped: evidence text is attacker-written), and option parsing with --help.

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace hs {

enum Exit { ExitOk = 0, ExitWarnings = 1, ExitError = 2 };

struct Finding;

QString printable(const QString& text);
void writeOut(const QByteArray& bytes);
void printError(const QString& message);
QString findingLine(const QString& file, const Finding& f);
// Parses `args` (without the program name). False when it printed an error or the help text;
// *exitCode then says what to return.
bool parseCommand(QCommandLineParser& parser, const QStringList& args, int* exitCode);

} // namespace hs
