// The conformance corpus (../shared/corpus: real bank files from other projects' test suites, see
// its README): every file is detected as the format of its folder and either parses into
// transactions that have a date, a currency and an id, or fails with an error that says where.
// The inputs that crashed other parsers must fail. CAMT files are compared with genkgo/camt's own
// parse of them (*.expected.json). A crash kills this test; a hang hits ctest's timeout.
// Skipped, with a message, where the corpus is absent (a user's fresh clone).

#include "StatementChecks.h"
#include "TestSupport.h"
#include "importers/FileImports.h"
#include "importers/ImportCancellation.h"
#include "schedule/Clock.h"
#include "store/Database.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coffer;
using importers::Format;

namespace {

QDir corpusDir()
{
    return QDir(qEnvironmentVariable("COFFER_SOURCE_DIR") + QStringLiteral("/../shared/corpus"));
}

// The bank files of the corpus (its README and genkgo's expected parses are not).
QStringList corpusFiles()
{
    QStringList files;
    QDirIterator it(corpusDir().path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QStringLiteral(".md")) && !path.endsWith(QStringLiteral(".expected.json")))
            files << path;
    }
    files.sort();
    return files;
}

std::optional<Format> folderFormat(const QString& path)
{
    const QString folder = QFileInfo(path).dir().dirName();
    if (folder == u"ofx")
        return Format::Ofx;
    if (folder == u"qif")
        return Format::Qif;
    if (folder == u"csv")
        return Format::Csv;
    if (folder == u"camt")
        return Format::Camt053;
    if (folder == u"mt940")
        return Format::Mt940;
    return std::nullopt;
}

// Inputs that crashed other parsers or are not statements at all (the corpus README).
bool mustFail(const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    return name.contains(QStringLiteral("failing-")) || name.contains(QStringLiteral("heap-buffer-overflow-")) ||
           name.contains(QStringLiteral("null-ptr-deref-")) || name.contains(QStringLiteral("invalid_statement")) ||
           name.endsWith(QStringLiteral("wrong.xml"));
}

importers::ParseOptions corpusOptions(importers::DateOrder order = importers::DateOrder::Auto)
{
    importers::ParseOptions options;
    options.defaultCurrency = QStringLiteral("USD"); // the target account's, for QIF and CSV
    options.dateOrder = order;
    return options;
}

bool asksDateOrder(const test::ParsedStatement& parsed)
{
    return !parsed.status.ok() && parsed.status.error().providerCode == importers::kAskDateOrderCode;
}

} // namespace

TEST(CorpusTest, EveryFileParsesIntoDatedIdentifiedTransactionsOrFailsSayingWhere)
{
    if (!corpusDir().exists())
        GTEST_SKIP() << "no conformance corpus at " << corpusDir().path().toStdString();
    const QStringList files = corpusFiles();
    ASSERT_FALSE(files.isEmpty());
    int imported = 0;
    for (const QString& path : files) {
        const QString name = corpusDir().relativeFilePath(path);
        SCOPED_TRACE(name.toStdString());
        const std::optional<Format> expected = folderFormat(path);
        ASSERT_TRUE(expected) << "a corpus folder this test does not know";
        EXPECT_TRUE(importers::makeParser(*expected))
            << "this build has no " << importers::formatId(*expected).toStdString() << " parser";
        test::ParsedStatement parsed = test::parseStatementFile(path, corpusOptions());
        if (!parsed.format) {
            // Not even detected: the import says so. Its folder's parser must refuse it all the same.
            EXPECT_TRUE(mustFail(path) || QFileInfo(path).size() == 0)
                << "a real " << importers::formatId(*expected).toStdString() << " file was not detected";
            parsed = test::parseStatementFile(path, corpusOptions(), expected);
        } else if (!mustFail(path)) { // those may look like anything
            EXPECT_EQ(importers::formatId(*parsed.format).toStdString(), importers::formatId(*expected).toStdString());
        }
        if (asksDateOrder(parsed)) {
            // The user is asked; both answers must then give a clean outcome.
            EXPECT_FALSE(parsed.status.error().userMessage.isEmpty());
            for (const auto order : {importers::DateOrder::DayMonth, importers::DateOrder::MonthDay}) {
                parsed = test::parseStatementFile(path, corpusOptions(order), parsed.format);
                EXPECT_CLEAN_OUTCOME(parsed);
            }
        }
        EXPECT_CLEAN_OUTCOME(parsed);
        if (mustFail(path))
            EXPECT_FALSE(parsed.status.ok()) << "must fail, gave " << test::describeOutcome(parsed);
        else if (parsed.status.ok() && !parsed.sink.transactions.isEmpty())
            ++imported;
        std::printf("  %s: %s\n", qPrintable(name), test::describeOutcome(parsed).c_str());
    }
    EXPECT_GT(imported, files.size() / 2) << "most corpus files hold transactions";
}

namespace {

// "amount currency sign date reference" of an entry, as genkgo/camt parsed it.
QString genkgoEntry(const QJsonObject& e)
{
    const QJsonObject amount = e[u"getAmount"].toObject();
    QString reference = e[u"getAccountServicerReference"].toString();
    if (reference.isEmpty())
        reference = e[u"getTransactionDetail"].toObject()[u"getReference"].toObject()[u"getEndToEndId"].toString();
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(amount[u"getAmount"].toString(), amount[u"getCurrency"].toObject()[u"getCode"].toString(),
             e[u"getCreditDebitIndicator"].toString(), e[u"getBookingDate"].toObject()[u"0"].toString().left(10),
             reference);
}

// The same of ours: the reference is our id where the file has one (ids made up start "gen:").
QString ourEntry(const providers::ProviderTransaction& t)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(QString::number(t.amount.minorUnits()), t.amount.currency(),
             t.amount.isNegative() ? QStringLiteral("DBIT") : QStringLiteral("CRDT"), t.bookedOn.toString(Qt::ISODate),
             t.providerId.startsWith(u"gen:") ? QString() : t.providerId);
}

} // namespace

TEST(CorpusTest, CamtEntriesHaveGenkgosAmountsSignsDatesAndReferences)
{
    const QDir dir(corpusDir().filePath(QStringLiteral("camt")));
    if (!dir.exists())
        GTEST_SKIP() << "no CAMT corpus at " << dir.path().toStdString();
    int compared = 0;
    for (const QString& json : dir.entryList({QStringLiteral("*.expected.json")}, QDir::Files, QDir::Name)) {
        const QString xml = dir.filePath(json.chopped(int(qstrlen(".expected.json"))) + QStringLiteral(".xml"));
        SCOPED_TRACE(xml.toStdString());
        const test::ParsedStatement parsed = test::parseStatementFile(xml, corpusOptions());
        ASSERT_TRUE(parsed.status.ok()) << test::describeOutcome(parsed);
        QFile expectedFile(dir.filePath(json));
        ASSERT_TRUE(expectedFile.open(QIODevice::ReadOnly));
        QStringList theirs;
        for (const QJsonValue e : QJsonDocument::fromJson(expectedFile.readAll())[u"getEntries"].toArray())
            theirs << genkgoEntry(e.toObject());
        ASSERT_FALSE(theirs.isEmpty());
        // genkgo's dump holds the entries of the file's last statement: the last of ours.
        QStringList ours;
        for (const auto& t : parsed.sink.transactions)
            ours << ourEntry(t);
        ASSERT_GE(ours.size(), theirs.size());
        EXPECT_EQ(ours.mid(ours.size() - theirs.size()).join(u'\n').toStdString(), theirs.join(u'\n').toStdString());
        compared += int(theirs.size());
    }
    EXPECT_GT(compared, 0);
}

namespace {

qint64 storedTransactions(store::Database& db)
{
    QSqlQuery q(db.handle());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT COUNT(*) FROM transactions")));
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

// The same walk end to end, as `cofferctl import` does it: each file into a new data folder. What
// the parser found usable is stored (less what the pipeline refuses, counted as invalid), the
// invalid records are counted and kept out, a failing file fails naming itself and stores
// nothing, and importing the file again adds nothing.
TEST(CorpusTest, EveryFileImportsWhatItParsedOnceOrNothingAtAll)
{
    if (!corpusDir().exists())
        GTEST_SKIP() << "no conformance corpus at " << corpusDir().path().toStdString();
    const schedule::ManualClock clock(test::fixedNow());
    int imported = 0;
    for (const QString& path : corpusFiles()) {
        const QString name = corpusDir().relativeFilePath(path);
        SCOPED_TRACE(name.toStdString());
        model::ImportRequest request;
        request.path = path;
        request.currency = QStringLiteral("USD");
        request.dryRun = false;
        test::ParsedStatement parsed = test::parseStatementFile(path, corpusOptions());
        if (asksDateOrder(parsed)) {
            request.dateOrder = QStringLiteral("month-day");
            parsed = test::parseStatementFile(path, corpusOptions(importers::DateOrder::MonthDay), parsed.format);
        }
        QTemporaryDir dir;
        auto opened = store::Database::open(dir.path());
        ASSERT_TRUE(opened.ok()) << opened.error().userMessage.toStdString();
        const std::unique_ptr<store::Database> db = std::move(opened).value();
        importers::FileImports imports(*db, clock, std::make_shared<importers::ImportCancellation>());

        const auto first = imports.run(request, {});
        if (!parsed.status.ok() || !parsed.format) {
            ASSERT_FALSE(first.ok()) << "parsing failed but the import went through";
            EXPECT_TRUE(first.error().userMessage.startsWith(QFileInfo(path).fileName()))
                << first.error().userMessage.toStdString();
            EXPECT_EQ(storedTransactions(*db), 0);
            continue;
        }
        if (parsed.sink.transactions.isEmpty() && !first.ok()) { // "holds no transactions" is a clean answer
            EXPECT_TRUE(first.error().userMessage.startsWith(QFileInfo(path).fileName()))
                << first.error().userMessage.toStdString();
            continue;
        }
        ASSERT_TRUE(first.ok()) << first.error().userMessage.toStdString();
        qint64 invalid = 0;
        for (const auto& t : parsed.sink.transactions)
            invalid += t.problem.isEmpty() ? 0 : 1;
        const model::ImportCounts& counts = first.value().counts;
        // The pipeline may refuse more than the parser did (an unknown currency): those are counted
        // as invalid too, never lost.
        EXPECT_GE(counts.invalid, invalid);
        const qint64 usable = parsed.sink.transactions.size() - counts.invalid;
        EXPECT_EQ(counts.added + counts.matched + counts.duplicates + counts.updated, usable)
            << test::describeOutcome(parsed);
        EXPECT_EQ(storedTransactions(*db), counts.added + counts.matched);

        const auto again = imports.run(request, {});
        ASSERT_TRUE(again.ok()) << again.error().userMessage.toStdString();
        EXPECT_EQ(again.value().counts.added, 0);
        EXPECT_EQ(again.value().counts.matched, 0);
        EXPECT_EQ(again.value().counts.updated, 0);
        EXPECT_EQ(again.value().counts.duplicates, usable);
        EXPECT_EQ(storedTransactions(*db), counts.added + counts.matched);
        imported += usable > 0 ? 1 : 0;
    }
    EXPECT_GT(imported, 0);
}
