#pragma once

#include "importers/StatementParser.h"
#include "model/Result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace coffer::test {

// A bank file read the way the import reads it: the format detected from its first bytes (unless
// given), then parsed into a CollectingSink.
struct ParsedStatement {
    std::optional<importers::Format> format; // nullopt: not detected (status says so)
    model::Status status = model::Ok{};
    importers::CollectingSink sink;
};

ParsedStatement parseStatementFile(const QString& path, const importers::ParseOptions& options,
                                   std::optional<importers::Format> format = std::nullopt);

// What a user would find wrong with a parse's outcome; empty when it is either a clean parse or a
// clean failure. A failure needs a message; a usable transaction needs a booking date, a currency
// and an id; an unusable one a reason naming its line ("line N: ...").
QStringList outcomeProblems(const ParsedStatement& parsed);

// The outcome in a line, for test messages: the error, or the counts.
std::string describeOutcome(const ParsedStatement& parsed);

} // namespace coffer::test

// A clean parse or a clean failure, else each problem on a line of the failure message.
#define EXPECT_CLEAN_OUTCOME(parsed)                                                                                   \
    EXPECT_TRUE(coffer::test::outcomeProblems(parsed).isEmpty())                                                       \
        << coffer::test::outcomeProblems(parsed).join(u'\n').toStdString() << "\n("                                    \
        << coffer::test::describeOutcome(parsed) << ")"
