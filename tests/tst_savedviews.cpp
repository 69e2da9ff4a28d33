// SPDX-License-Identifier: GPL-3.0-or-later
// Saved views name their page by id (pageid.h). The case file keeps the key strings it always had:
// a case written before page ids (tests/fixtures/case-before-page-ids.hcase, written by commit
// 29a87fa with one view on each page) opens with each view on its page and verifies intact, and a
// key this version does not know (a newer version's page) is kept as it was read.
#include "caseaudit.h"
#include "casefile.h"
#include "investigation.h"
#include "pageid.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hs;

class TestSavedViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keysRoundTrip();
    void caseWrittenBeforePageIds();
    void unknownPageIsKept();

private:
    QTemporaryDir m_dir;
};

void TestSavedViews::keysRoundTrip()
{
    const QStringList keys{QStringLiteral("overview"), QStringLiteral("timeline"), QStringLiteral("capabilities"),
                           QStringLiteral("accounts"), QStringLiteral("families"), QStringLiteral("exchanges"),
                           QStringLiteral("network")};
    QCOMPARE(keys.size(), kPageIds);
    for (int i = 0; i < kPageIds; ++i) {
        QCOMPARE(pageKey(static_cast<PageId>(i)), keys[i]); // the stored form never changes
        QCOMPARE(pageFromKey(keys[i]), std::optional<PageId>(static_cast<PageId>(i)));
    }
    QVERIFY(!pageFromKey(QStringLiteral("Overview")));
    QVERIFY(!pageFromKey(QString()));
}

void TestSavedViews::caseWrittenBeforePageIds()
{
    // A copy: opening a WAL-mode file may write beside it, and fixtures stay untouched.
    const QString path = m_dir.filePath(QStringLiteral("old.hcase"));
    QVERIFY(QFile::copy(QStringLiteral(HYDRASCOPE_FIXTURES "/case-before-page-ids.hcase"), path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QString error;
    auto c = CaseFile::open(path, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(c, qPrintable(error));
    const CaseSnapshot snapshot = c->snapshot();
    const std::vector<PageId> expected{PageId::Overview, PageId::Timeline, PageId::Capabilities,
                                       PageId::Accounts, PageId::Families, PageId::Exchanges};
    QCOMPARE(snapshot.views.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const SavedView& v = snapshot.views[i];
        QCOMPARE(v.page, expected[i]);
        QVERIFY(v.unknownPage.isEmpty());
        QCOMPARE(v.name, QStringLiteral("On %1").arg(pageKey(expected[i])));
        QCOMPARE(v.campaignIds, (std::vector<std::int64_t>{1, 2}));
    }
    // Every view still hashes to what its audit entry recorded when it was written.
    const CaseVerification check = verifyCase(snapshot, false);
    QVERIFY2(check.tampering.isEmpty(), qPrintable(check.tampering.join(QLatin1Char('\n'))));
    QCOMPARE(check.exitCode(), 0);
}

void TestSavedViews::unknownPageIsKept()
{
    const QString path = m_dir.filePath(QStringLiteral("new.hcase"));
    EvidenceFile evidence;
    evidence.fileName = QStringLiteral("e.db");
    evidence.path = m_dir.filePath(evidence.fileName);
    evidence.sha256 = QString(64, QLatin1Char('b'));
    QString error;
    auto c = CaseFile::create(path, evidence, QStringLiteral("alice"), QStringLiteral("t"), &error);
    QVERIFY2(c, qPrintable(error));
    SavedView v;
    v.name = QStringLiteral("from a newer version");
    v.setStoredPage(QStringLiteral("sankey")); // a page this version does not have
    QCOMPARE(v.page, PageId::Overview); // shown on the Overview here
    QVERIFY(c->saveView(v));
    SavedView known;
    known.name = QStringLiteral("families");
    known.page = PageId::Families;
    QVERIFY(c->saveView(known));
    c.reset();
    c = CaseFile::open(path, CaseFile::Mode::ReadOnly, &error);
    QVERIFY2(c, qPrintable(error));
    const CaseSnapshot snapshot = c->snapshot();
    QCOMPARE(snapshot.views.size(), std::size_t(2));
    QCOMPARE(snapshot.views[0].storedPage(), QStringLiteral("sankey"));
    QCOMPARE(snapshot.views[0].unknownPage, QStringLiteral("sankey"));
    QCOMPARE(snapshot.views[1].storedPage(), QStringLiteral("families"));
    QCOMPARE(snapshot.views[1].page, PageId::Families);
    QVERIFY(verifyCase(snapshot, false).tampering.isEmpty());
}

QTEST_GUILESS_MAIN(TestSavedViews)
#include "tst_savedviews.moc"
