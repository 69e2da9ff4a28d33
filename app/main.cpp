// SPDX-License-Identifier: GPL-3.0-or-later
// hydrascope: the dashboard, or with a subcommand the command line (see `hydrascope --help`).
#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>

namespace {

const char* const kUsage =
    "Usage: hydrascope [FILE]                  open the dashboard\n"
    "       hydrascope validate FILE           check a flagged-campaign database\n"
    "       hydrascope analyze FILE [--threshold X] [--json]\n"
    "       hydrascope generate -o FILE [--scale demo|full|tiny] [--seed N]\n"
    "       hydrascope --version | --help\n"
    "Each subcommand takes --help. Exit codes: 0 ok, 1 warnings (validate), 2 errors.\n";

QStringList argumentsOf(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int main(int argc, char** argv)
{
    const QStringList args = argumentsOf(argc, argv);
    if (hs::isCliCommand(args)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("hydrascope"));
        return hs::runCli(args);
    }
    if (args.contains(QStringLiteral("--version"))) {
        std::printf("hydrascope %s\n", HYDRASCOPE_VERSION);
        return 0;
    }
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args.size() > 1 || (args.size() == 1 && args.front().startsWith(QLatin1Char('-')))) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Hydrascope"));
    QApplication::setApplicationVersion(QStringLiteral(HYDRASCOPE_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Hydrascope"));
    hs::MainWindow window;
    window.show();
    if (!args.isEmpty())
        window.openFile(args.front());
    return app.exec();
}
