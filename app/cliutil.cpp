// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliutil.h"

#include "findings.h"

#include <cstdio>

namespace hs {

QString printable(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if ((u < 0x20 && u != u'\n') || (u >= 0x7f && u < 0xa0) || u == 0x202e || u == 0x202d)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

void writeOut(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString& message)
{
    const QByteArray bytes = (QStringLiteral("hydrascope: ") + printable(message) + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
}

QString findingLine(const QString& file, const Finding& f) { return file + QStringLiteral(": ") + printable(f.toText()); }

bool parseCommand(QCommandLineParser& parser, const QStringList& args, int* exitCode)
{
    parser.addHelpOption();
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("hydrascope"));
    if (!parser.parse(withProgram)) {
        printError(parser.errorText());
        *exitCode = ExitError;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the program as it was typed; the reader wants the command to type.
        QString text = parser.helpText();
        const qsizetype options = text.indexOf(QStringLiteral(" [options]"));
        if (text.startsWith(QStringLiteral("Usage: ")) && options > 0)
            text.replace(7, options - 7, QStringLiteral("hydrascope ") + args.front());
        writeOut(text.toUtf8());
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

} // namespace hs
