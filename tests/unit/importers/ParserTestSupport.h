#pragma once

#include "importers/StatementParser.h"

#include <QBuffer>
#include <QFile>

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

// Runs one format's parser the way the import flow does and keeps what it found.
namespace coffer::importers::parsertest {

struct Parsed {
    CollectingSink sink;
    std::optional<model::Error> error;

    std::string errorText() const { return error ? error->userMessage.toStdString() : std::string("(no error)"); }
};

inline std::unique_ptr<Parsed> parseDevice(Format format, QIODevice& in, const ParseOptions& options = {})
{
    auto parsed = std::make_unique<Parsed>();
    const auto parser = makeParser(format);
    EXPECT_NE(parser, nullptr);
    if (!parser)
        return parsed;
    EXPECT_EQ(parser->format(), format);
    const model::Status status = parser->parse(in, options, parsed->sink);
    if (!status)
        parsed->error = status.error();
    return parsed;
}

inline std::unique_ptr<Parsed> parseBytes(Format format, const QByteArray& bytes, const ParseOptions& options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return parseDevice(format, buffer, options);
}

inline std::unique_ptr<Parsed> parseFile(Format format, const QString& path, const ParseOptions& options = {})
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return parseDevice(format, file, options);
}

// tests/data/import/<folder>/<name> in the source tree.
inline QString fixturePath(const QString& folder, const QString& name)
{
    return qEnvironmentVariable("COFFER_SOURCE_DIR") + QStringLiteral("/tests/data/import/") + folder + u'/' + name;
}

// The shared conformance corpus's folder for a format (absent in a fresh clone: tests skip).
inline QString corpusPath(const QString& folder)
{
    return qEnvironmentVariable("COFFER_SOURCE_DIR") + QStringLiteral("/../shared/corpus/") + folder;
}

} // namespace coffer::importers::parsertest
