// SPDX-License-Identifier: GPL-3.0-or-later
// hydrascope: the dashboard, or with a subcommand the command line (see `hydrascope --help`).
#include "cli.h"
#include "reportcli.h"
#include "mainwindow.h"
#include "networkpage.h"
#include "accountspage.h"
#include "overviewpage.h"
#include "campaigncompareview.h"
#include "pageset.h"
#include "tablepanel.h"
#include "viewtables.h"

#include "caseactions.h"
#include "flagreasonsdock.h"
#include "loadjob.h"
#include "presentationmode.h"
#include "selectionjob.h"
#include "settings.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QCoreApplication>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QTabWidget>
#include <QSize>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

namespace {

const char* const kUsage =
    "Usage: hydrascope [FILE]                  open the dashboard\n"
    "       hydrascope validate FILE           check a flagged-campaign database\n"
    "       hydrascope analyze FILE [--threshold X] [--json]\n"
    "       hydrascope generate -o FILE [--scale demo|full|tiny] [--seed N] [--varied] [--force]\n"
    "       hydrascope generate --as litellm-csv|otlp-json|jsonl -o DIR [--scale ...]   synthetic gateway logs\n"
    "       hydrascope import INPUT... -o OUT.db [--format auto|litellm|otlp-json|jsonl|csv] [--accounts CSV]\n"
    "                 [--models CSV] [--map TOML] [--rules FILE] [--from ISO] [--to ISO] [--force]\n"
    "       hydrascope detect INPUT... -o OUT.db [the import options] [--config DETECT.toml] [--explain]\n"
    "       hydrascope case new|annotate|show|verify ...   case files (see `hydrascope case --help`)\n"
    "       hydrascope report FILE [--case CASE] -o OUT.pdf [--redact PROFILE] [--view NAME] [--pdfa]\n"
    "       hydrascope export FILE [--case CASE] -o DIR [--redact PROFILE] [--with-report]\n"
    "       hydrascope present FILE [--case CASE]   start in presentation mode (policy redaction)\n"
    "       hydrascope FILE --screenshots DIR [--size WxH]   save every view as PNG (user guide)\n"
    "       hydrascope --version | --help\n"
    "Each subcommand takes --help. Exit codes: 0 ok, 1 warnings (validate), 2 errors.\n";

QStringList argumentsOf(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

// "1366x768" to a size; invalid when the text is not one.
QSize parseSize(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool w = false, h = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&w), parts[1].toInt(&h)) : QSize();
    return w && h && size.width() >= 640 && size.height() >= 480 ? size : QSize();
}

// Lets queued work (lazy page updates, replots) run for `ms`.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Waits for the file and every view, saves one PNG per page into `dir`, then quits: the user
// guide's pictures come from the real program.
// The views the page loop does not reach: two campaigns compared on the Overview, and the
// timeline filtered to the busiest account (Accounts > Show on the timeline).
void extraScreenshots(hs::MainWindow& window, const QString& dir)
{
    window.showPage(hs::PageId::Overview);
    QTableView* table = window.findChild<hs::OverviewPage*>()->table();
    if (table->model()->rowCount() >= 2) {
        table->selectRow(0);
        table->selectionModel()->select(table->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        settle(300);
        window.findChild<hs::OverviewPage*>()->compareButton()->click();
        settle(800);
        QWidget* compare = window.findChild<hs::OverviewPage*>()->comparison()->window();
        compare->grab().save(dir + QStringLiteral("/overview-compare.png"));
        compare->hide();
        table->clearSelection();
    }
    window.showPage(hs::PageId::Accounts);
    settle(500);
    QTableView* accounts = window.accountsPage()->accounts()->view();
    accounts->sortByColumn(hs::AccountExchanges, Qt::DescendingOrder);
    if (accounts->model()->rowCount() > 0) {
        accounts->setCurrentIndex(accounts->model()->index(0, 0));
        for (QAction* a : accounts->actions())
            if (a->objectName() == QLatin1String("showOnTimeline"))
                a->trigger();
        settle(1500);
        window.grab().save(dir + QStringLiteral("/account-timeline.png"));
        window.selection()->setAccount(std::nullopt);
        settle(300);
    }
}

void takeScreenshots(hs::MainWindow& window, const QString& dir)
{
    QDir().mkpath(dir);
    auto* figures = window.findChild<hs::SelectionJob*>();
    QObject::connect(figures, &hs::SelectionJob::updated, &window, [&window, dir] {
        QTimer::singleShot(500, &window, [&window, dir] {
            QTabWidget* pages = window.pages();
            for (int i = 0; i < pages->count(); ++i) {
                pages->setCurrentIndex(i);
                settle(300); // the page's update, and the exchanges' first page read in the background
                // The network page builds its graph and small clusters' layouts once shown (and
                // only then: hidden, it waits for ever).
                const bool network = pages->currentWidget() == static_cast<QWidget*>(window.networkPage());
                for (int wait = 0; network && wait < 200 && window.networkPage()->isBusy(); ++wait)
                    settle(100);
                QString name = pages->tabText(i).toLower().remove(QLatin1Char('&'));
                name.replace(QLatin1Char(' '), QLatin1Char('-'));
                window.grab().save(dir + QStringLiteral("/%1-%2.png").arg(i + 1).arg(name));
            }
            // Presentation mode: each slide, then the window after Esc (it must match the page above).
            window.pages()->setCurrentIndex(0);
            QCoreApplication::processEvents();
            window.grab().save(dir + QStringLiteral("/present-0-before.png"));
            if (window.presentation()->enter()) {
                for (int s = 0; s < int(window.presentation()->slides().size()); ++s) {
                    if (s > 0)
                        window.presentation()->next();
                    settle(300);
                    for (int wait = 0; wait < 200 && pages->currentWidget() == static_cast<QWidget*>(window.networkPage()) &&
                                       window.networkPage()->isBusy();
                         ++wait)
                        settle(100); // the slide's cluster laid out whole
                    window.grab().save(dir + QStringLiteral("/present-%1-slide.png").arg(s + 1));
                }
                window.presentation()->leave();
                settle(300);
                window.grab().save(dir + QStringLiteral("/present-9-after-esc.png"));
            }
            extraScreenshots(window, dir);
            // (1.1) A file with flag reasons: the Overview with the first campaign alone and the
            // "Why flagged" dock showing its reasons.
            const auto inv = window.investigation();
            if (auto* why = window.findChild<hs::FlagReasonsDock*>(); why && inv && inv->hasFlagReasons && !inv->campaigns.empty()) {
                std::vector<bool> first(inv->groupCount(), false);
                first[0] = true;
                window.selection()->setGroups(first);
                why->show();
                why->raise();
                settle(800);
                window.grab().save(dir + QStringLiteral("/why-flagged.png"));
            }
            QCoreApplication::quit();
        });
    }, Qt::SingleShotConnection);
}

// Qt's own strings and ours in the user's language where a translation exists; English otherwise.
void installTranslations(QCoreApplication& app)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("hydrascope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

// `hydrascope present`: once the evidence is open, its case (if given) too, then full screen.
void presentWhenLoaded(hs::MainWindow& window, const QString& casePath)
{
    QObject::connect(window.loadJob(), &hs::LoadJob::finished, &window, [&window, casePath](const QString&, const hs::LoadResult& r) {
        if (!r.ok())
            return;
        if (!casePath.isEmpty())
            window.caseActions()->openCase(casePath);
        window.presentation()->enter();
    }, Qt::SingleShotConnection);
}

} // namespace

int main(int argc, char** argv)
{
    const QStringList args = argumentsOf(argc, argv);
    if (hs::cliNeedsPainting(args)) {
        // Reports paint (QCustomPlot is a widget): a QApplication, offscreen when there is no display.
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("hydrascope"));
        return hs::runCli(args);
    }
    if (hs::isCliCommand(args)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("hydrascope"));
        return hs::runCli(args);
    }
    if (args.value(0) == QLatin1String("present") && (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h")))) {
        std::fputs("Usage: hydrascope present FILE [--case CASE]\n"
                   "Open the dashboard on FILE (and the case CASE) straight into presentation mode:\n"
                   "full screen, policy redaction forced, the case's saved views (or a guided story)\n"
                   "as slides. Right/Left step through them; Esc leaves.\n", stdout);
        return 0;
    }
    if (args.contains(QStringLiteral("--version"))) {
        std::printf("hydrascope %s\n", HYDRASCOPE_VERSION);
        return 0;
    }
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    QString screenshots, presentCase;
    QSize size;
    bool present = false;
    QStringList files = args;
    if (!args.isEmpty() && args.front() == QLatin1String("present")) {
        // hydrascope present FILE [--case CASE]
        present = true;
        files = args.mid(1);
        const qsizetype at = files.indexOf(QStringLiteral("--case"));
        if (at >= 0 && at + 1 < files.size()) {
            presentCase = files.at(at + 1);
            files.remove(at, 2);
        }
        if (files.size() != 1) {
            std::fputs("hydrascope: present takes one FILE (and --case CASE)\n", stderr);
            std::fputs(kUsage, stderr);
            return 2;
        }
    } else if ((args.size() == 3 || args.size() == 5) && args.at(1) == QLatin1String("--screenshots")) {
        screenshots = args.at(2);
        files = {args.front()};
        if (args.size() == 5 && (args.at(3) != QLatin1String("--size") || !(size = parseSize(args.at(4))).isValid())) {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    if (files.size() > 1 || (files.size() == 1 && files.front().startsWith(QLatin1Char('-')))) {
        const QByteArray first = files.front().toLocal8Bit();
        std::fprintf(stderr, files.size() > 1 ? "hydrascope: '%s' is not a command, and the dashboard opens one FILE\n"
                                              : "hydrascope: unknown option '%s'\n",
                     first.constData());
        std::fputs(kUsage, stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Hydrascope"));
    QApplication::setApplicationVersion(QStringLiteral(HYDRASCOPE_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Hydrascope"));
    installTranslations(app);
    hs::applyTheme(hs::Settings::load().theme);
    // The id of packaging/'s desktop file and icon: Wayland compositors match windows to the
    // desktop entry by it, and the installed icon theme provides the window icon.
    QApplication::setDesktopFileName(QStringLiteral("io.github.hydrascope.Hydrascope"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.hydrascope.Hydrascope")));
    hs::MainWindow window;
    if (size.isValid())
        window.resize(size); // the window as a whole, frame excluded: what the screenshots show
    window.show();
    if (!screenshots.isEmpty())
        takeScreenshots(window, screenshots);
    if (present)
        presentWhenLoaded(window, presentCase);
    if (!files.isEmpty())
        window.openFile(files.front());
    return app.exec();
}
