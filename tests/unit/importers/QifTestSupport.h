#pragma once

#include "importers/StatementParser.h"

#include <QBuffer>
#include <QFile>

#include <optional>

// Parsing QIF text or files for the QIF tests: the sink's contents, or the error.
struct QifParsed {
    coffer::importers::CollectingSink sink;
    std::optional<coffer::model::Error> error;

    const coffer::providers::ProviderTransaction& tx(qsizetype i) const { return sink.transactions.at(i); }
    qsizetype count() const { return sink.transactions.size(); }
    QString message() const { return error ? error->userMessage : QString(); }
};

inline coffer::importers::ParseOptions
qifOptions(const QString& currency = QStringLiteral("USD"),
           coffer::importers::DateOrder order = coffer::importers::DateOrder::Auto)
{
    coffer::importers::ParseOptions options;
    options.defaultCurrency = currency;
    options.dateOrder = order;
    return options;
}

inline QifParsed parseQifDevice(QIODevice& device, const coffer::importers::ParseOptions& options)
{
    QifParsed out;
    auto parser = coffer::importers::makeParser(coffer::importers::Format::Qif);
    const auto status = parser->parse(device, options, out.sink);
    if (!status.ok())
        out.error = status.error();
    return out;
}

inline QifParsed parseQif(const QByteArray& data, const coffer::importers::ParseOptions& options = qifOptions())
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return parseQifDevice(buffer, options);
}

inline QString qifFixture(const QString& name)
{
    return qEnvironmentVariable("COFFER_SOURCE_DIR") + QStringLiteral("/tests/data/import/qif/") + name;
}
