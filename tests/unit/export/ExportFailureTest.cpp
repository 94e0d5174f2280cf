// When an export cannot be written the user learns which file and why, and a file already
// there is left exactly as it was.

#include "ExportFixture.h"

#include "export/BeancountWriter.h"
#include "export/CsvWriter.h"
#include "export/LedgerExporter.h"
#include "export/LedgerSource.h"
#include "export/LedgerWriter.h"
#include "export/OfxWriter.h"

#include <QDir>
#include <QFile>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace coffer;
using namespace coffer::exporting;
using coffer::test::ExportTest;

namespace {

const QByteArray kPrecious = QByteArrayLiteral("last month's export, still needed\n");

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

constexpr ExportFormat kFormats[] = {ExportFormat::Csv, ExportFormat::Ofx, ExportFormat::Ledger,
                                     ExportFormat::Beancount};

// Files may not grow past `bytes` while it lives, as on a nearly full disk (EFBIG instead of
// ENOSPC, with the signal that would kill the process ignored).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_saved;
        limited.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_saved{};
    void (*m_oldHandler)(int) = nullptr;
};

model::Result<ExportSummary> writeWith(ExportFormat format, const QString& path, const LedgerSource& source)
{
    switch (format) {
    case ExportFormat::Csv:
        return CsvWriter::write(path, source.rowSource({}));
    case ExportFormat::Ofx:
        return OfxWriter::write(path, source, {});
    case ExportFormat::Ledger:
        return LedgerWriter::write(path, source, {});
    case ExportFormat::Beancount:
        return BeancountWriter::write(path, source, {});
    }
    return model::Error::permanent(QString());
}

} // namespace

TEST_F(ExportTest, FullDiskNamesTheFileAndKeepsTheOldOne)
{
    const QString path = outPath(QStringLiteral("keep.export"));
    writeFile(path, kPrecious);
    // Opened and read once before the limit: SQLite's shared-memory file must not need to grow.
    const auto source = LedgerSource::open(ledger().databasePath);
    ASSERT_TRUE(source.ok());
    ASSERT_TRUE(source.value()->accounts({}).ok());
    for (ExportFormat format : kFormats) {
        model::Result<ExportSummary> written = model::Error::permanent(QString());
        {
            const FileSizeLimit limit(4096);
            written = writeWith(format, path, *source.value());
        }
        ASSERT_FALSE(written.ok()) << exportFormatName(format).toStdString();
        const QString message = written.error().userMessage;
        EXPECT_TRUE(message.contains(path)) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("File too large"))) << message.toStdString();
        EXPECT_TRUE(message.contains(QStringLiteral("unchanged"))) << message.toStdString();
        EXPECT_EQ(readAll(path), kPrecious) << exportFormatName(format).toStdString();
        EXPECT_EQ(QDir(m_out.path()).entryList(QDir::Files), QStringList{QStringLiteral("keep.export")})
            << "no temporary file left behind";
    }
}

TEST_F(ExportTest, AFailedReadMidwayKeepsTheOldFile)
{
    const QString path = outPath(QStringLiteral("view.csv"));
    writeFile(path, kPrecious);
    const auto source = LedgerSource::open(ledger().databasePath);
    ASSERT_TRUE(source.ok());
    int pages = 0;
    const RowPageSource failsOnPageThree = [&](const store::ListPosition& after, int limit) {
        if (++pages == 3)
            return model::Result<QList<store::TransactionRow>>(model::Error::storage(QStringLiteral("disk I/O error")));
        return source.value()->page({}, after, limit);
    };
    const auto written = CsvWriter::write(path, failsOnPageThree, 10);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(pages, 3);
    EXPECT_TRUE(written.error().userMessage.contains(path)) << written.error().userMessage.toStdString();
    EXPECT_TRUE(written.error().userMessage.contains(QStringLiteral("disk I/O error")));
    EXPECT_EQ(readAll(path), kPrecious);
    EXPECT_EQ(QDir(m_out.path()).entryList(QDir::Files), QStringList{QStringLiteral("view.csv")});
}

TEST_F(ExportTest, UnwritablePlacesAreNamed)
{
    const QString missing = outPath(QStringLiteral("no-such-folder/out.csv"));
    const auto intoMissing = LedgerExporter::run(ExportFormat::Csv, ledger().databasePath, missing);
    ASSERT_FALSE(intoMissing.ok());
    EXPECT_TRUE(intoMissing.error().userMessage.contains(missing)) << intoMissing.error().userMessage.toStdString();
    EXPECT_TRUE(intoMissing.error().userMessage.contains(QStringLiteral("does not exist")));
    EXPECT_FALSE(QFile::exists(missing));

    const auto ontoFolder = LedgerExporter::run(ExportFormat::Ledger, ledger().databasePath, m_out.path());
    ASSERT_FALSE(ontoFolder.ok());
    EXPECT_TRUE(ontoFolder.error().userMessage.contains(QStringLiteral("is a folder")));
}

TEST_F(ExportTest, ReadOnlyFolderIsRefusedAndTheOldFileKept)
{
    if (geteuid() == 0)
        GTEST_SKIP() << "running as root, which may write into a read-only folder: the permission check cannot fail";
    const QString folder = outPath(QStringLiteral("locked"));
    ASSERT_TRUE(QDir().mkdir(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("ledger.beancount"));
    writeFile(path, kPrecious);
    ASSERT_TRUE(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto written = LedgerExporter::run(ExportFormat::Beancount, ledger().databasePath, path);
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ASSERT_FALSE(written.ok());
    EXPECT_TRUE(written.error().userMessage.contains(path)) << written.error().userMessage.toStdString();
    EXPECT_TRUE(written.error().userMessage.contains(QStringLiteral("ermission")))
        << written.error().userMessage.toStdString();
    EXPECT_EQ(readAll(path), kPrecious);
}

TEST_F(ExportTest, AMissingAccountListsTheRealOnes)
{
    const ExportFilter filter{9999, {}, {}};
    for (ExportFormat format : kFormats) {
        const auto written = LedgerExporter::run(format, ledger().databasePath, outPath(QStringLiteral("x")), filter);
        ASSERT_FALSE(written.ok());
        EXPECT_TRUE(written.error().userMessage.contains(QStringLiteral("no account 9999")));
        EXPECT_TRUE(written.error().userMessage.contains(test::kDinarAccountName)) << "the accounts there are";
        EXPECT_FALSE(QFile::exists(outPath(QStringLiteral("x"))));
    }
    const ExportFilter backwards{0, QDate(2026, 11, 1), QDate(2026, 10, 1)};
    EXPECT_FALSE(
        LedgerExporter::run(ExportFormat::Csv, ledger().databasePath, outPath(QStringLiteral("x")), backwards).ok());
}
