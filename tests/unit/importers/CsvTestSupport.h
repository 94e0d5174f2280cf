#pragma once

// Helpers for the CSV importer's tests: fixtures in tests/data/import/csv, and parsing bytes or a
// fixture into a CollectingSink.

#include "importers/StatementParser.h"
#include "importers/StatementSink.h"

#include <QBuffer>
#include <QFile>
#include <QString>

#include <gtest/gtest.h>

namespace coffer::test::csv {

inline QString fixturePath(const char* name)
{
    return QStringLiteral(CSV_FIXTURES_DIR "/") + QString::fromUtf8(name);
}

inline QByteArray fixture(const char* name)
{
    QFile f(fixturePath(name));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << name;
    return f.readAll();
}

struct Parsed {
    std::optional<model::Error> error;
    importers::CollectingSink sink;

    const providers::ProviderTransaction& tx(int i) const { return sink.transactions.at(i); }
    QString errorText() const { return error ? error->userMessage : QString(); }
};

inline Parsed parseBytes(const QByteArray& bytes, importers::ParseOptions options = {})
{
    Parsed out;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    auto parser = importers::makeParser(importers::Format::Csv);
    EXPECT_TRUE(parser != nullptr);
    if (!parser)
        return out;
    const model::Status s = parser->parse(buffer, options, out.sink);
    if (!s)
        out.error = s.error();
    return out;
}

inline importers::ParseOptions withCurrency(const char* currency)
{
    importers::ParseOptions o;
    o.defaultCurrency = QString::fromLatin1(currency);
    return o;
}

} // namespace coffer::test::csv
