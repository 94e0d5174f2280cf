// Inputs that once crashed, hung or misled a parser (most found by scripts/fuzz.sh), kept in
// tests/data/import/<format>/regressions/: each goes to its format's parser, as the fuzz target
// fed it, and must give a clean parse or a clean error - never a crash (this process dies), a hang
// (ctest's timeout) or an error that does not say where.

#include "StatementChecks.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace coffer;
using importers::Format;

TEST(ParserRegressionTest, EveryRegressionInputParsesOrFailsCleanly)
{
    const QDir data(qEnvironmentVariable("COFFER_SOURCE_DIR") + QStringLiteral("/tests/data/import"));
    int inputs = 0;
    for (const Format format : {Format::Ofx, Format::Qif, Format::Csv, Format::Camt053, Format::Mt940}) {
        const QDir dir(data.filePath(importers::formatId(format) + QStringLiteral("/regressions")));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        if (files.isEmpty())
            continue;
        if (!importers::makeParser(format)) {
            ADD_FAILURE() << dir.path().toStdString() << " has inputs but this build has no parser for them";
            continue;
        }
        for (const QString& name : files) {
            SCOPED_TRACE(QString(importers::formatId(format) + u'/' + name).toStdString());
            importers::ParseOptions options;
            options.defaultCurrency = QStringLiteral("EUR"); // as the fuzz target parses
            const test::ParsedStatement parsed = test::parseStatementFile(dir.filePath(name), options, format);
            EXPECT_CLEAN_OUTCOME(parsed);
            ++inputs;
        }
    }
    if (inputs == 0)
        GTEST_SKIP() << "no regression inputs in " << data.path().toStdString() << "/*/regressions";
}
