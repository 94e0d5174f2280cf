#pragma once

#include "importers/StatementParser.h"

#include <QBuffer>
#include <QFile>

#include <gtest/gtest.h>

// Parsing OFX text or files into a CollectingSink, for the OFX parser's tests.
namespace coffer::importers::testing {

struct ParsedOfx {
    model::Status status = model::Ok{};
    CollectingSink sink;

    QString error() const { return status.ok() ? QString() : status.error().userMessage; }
    const providers::ProviderTransaction* byId(const QString& providerId) const
    {
        for (const auto& t : sink.transactions) {
            if (t.providerId == providerId)
                return &t;
        }
        return nullptr;
    }
    const StatementAccount* account(const QString& id) const
    {
        for (const auto& a : sink.accounts) {
            if (a.id == id)
                return &a;
        }
        return nullptr;
    }
};

inline ParsedOfx parseOfxDevice(QIODevice& device, const ParseOptions& options = {})
{
    ParsedOfx out;
    const auto parser = makeParser(Format::Ofx);
    EXPECT_EQ(parser->format(), Format::Ofx);
    out.status = parser->parse(device, options, out.sink);
    return out;
}

inline ParsedOfx parseOfx(const QByteArray& text, const ParseOptions& options = {})
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    return parseOfxDevice(buffer, options);
}

inline ParsedOfx parseOfxFile(const QString& path, const ParseOptions& options = {})
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return parseOfxDevice(file, options);
}

inline QString sourceDir()
{
    return QString::fromLocal8Bit(qgetenv("COFFER_SOURCE_DIR"));
}

inline qint64 minor(const providers::ProviderTransaction* t)
{
    return t ? t->amount.minorUnits() : -999999999;
}

} // namespace coffer::importers::testing
