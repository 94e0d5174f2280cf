#pragma once

#include "ParserTestSupport.h"

// A QIF parse as the QIF tests read it: transactions by index, the error's message.
struct QifParsed : coffer::importers::parsertest::Parsed {
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

inline QifParsed qifParsed(std::unique_ptr<coffer::importers::parsertest::Parsed> parsed)
{
    QifParsed out;
    static_cast<coffer::importers::parsertest::Parsed&>(out) = std::move(*parsed);
    return out;
}

inline QifParsed parseQif(const QByteArray& data, const coffer::importers::ParseOptions& options = qifOptions())
{
    return qifParsed(coffer::importers::parsertest::parseBytes(coffer::importers::Format::Qif, data, options));
}

inline QifParsed parseQifDevice(QIODevice& device, const coffer::importers::ParseOptions& options)
{
    return qifParsed(coffer::importers::parsertest::parseDevice(coffer::importers::Format::Qif, device, options));
}

inline QString qifFixture(const QString& name)
{
    return coffer::importers::parsertest::fixturePath(QStringLiteral("qif"), name);
}
