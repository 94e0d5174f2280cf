#include "importers/qif/QifParser.h"

#include "importers/RecordId.h"
#include "importers/qif/QifReader.h"
#include "importers/text/ByteStream.h"
#include "model/Currency.h"

#include <QSet>

namespace coffer::importers::qif {

using model::Error;
using model::Ok;
using model::Status;

namespace {

StatementAccount statementAccount(const QifReader& reader, int index, const QifReading& reading)
{
    StatementAccount out;
    if (index < 0) {
        out.kind = reader.unnamedAccountKind().value_or(model::AccountKind::Checking);
        return out;
    }
    const QifAccount& account = reader.accounts().at(index);
    out.id = reading.accountId;
    out.name = text::decode(account.description.isEmpty() ? account.name : account.description, reading.charset);
    out.kind = account.kind.value_or(model::AccountKind::Checking);
    return out;
}

void noticeSkipped(const QifReader& reader, StatementSink& sink)
{
    for (const QifSkipped& skipped : reader.skipped()) {
        if (skipped.entries == 0)
            continue;
        sink.notice(QStringLiteral("line %1: %2 (%3, %4 %5) are not imported: Coffer imports bank, cash and card "
                                   "transactions")
                        .arg(skipped.firstLine)
                        .arg(skipped.what, skipped.header)
                        .arg(skipped.entries)
                        .arg(skipped.entries == 1 ? QStringLiteral("entry") : QStringLiteral("entries")));
    }
}

} // namespace

Status QifParser::parse(QIODevice& in, const ParseOptions& options, StatementSink& sink)
{
    text::ByteStream stream(in);
    QifReader reader(stream);
    if (const Status read = reader.read(); !read.ok())
        return read;
    if (reader.empty())
        return Error::invalidData(QStringLiteral("the file is empty: there is nothing to import"));

    QifReading reading;
    reading.charset = reader.utf8() ? text::Charset::Utf8 : text::Charset::Windows1252;
    reading.numberStyle = reader.conventions().numberStyle();
    if (!reader.records().isEmpty()) {
        reading.currency = options.defaultCurrency.trimmed().toUpper();
        if (reading.currency.isEmpty())
            return Error::invalidData(QStringLiteral(
                "QIF files do not say their currency: choose the currency of the account this file is for"));
        if (!model::currency::isKnownCode(reading.currency))
            return Error::invalidData(
                QStringLiteral("\"%1\" is not an ISO 4217 currency").arg(reading.currency.left(8)));
        reading.fractionDigits = model::currency::exponent(reading.currency);
        const auto order = reader.conventions().dateOrder(options.dateOrder);
        if (!order.ok())
            return order.error();
        reading.dateOrder = order.value();
    }

    noticeSkipped(reader, sink);
    if (reader.records().isEmpty()) {
        sink.notice(QStringLiteral("the file holds no bank, cash or card transactions"));
        return Ok{};
    }
    RecordIdMaker ids;
    QSet<int> announced;
    QList<QString> accountIds(reader.accounts().size());
    for (qsizetype i = 0; i < accountIds.size(); ++i)
        accountIds[i] = text::decode(reader.accounts().at(i).name, reading.charset);
    for (const QifRecord& record : reader.records()) {
        reading.accountId = record.account < 0 ? QString() : accountIds.at(record.account);
        if (!announced.contains(record.account)) {
            announced.insert(record.account);
            sink.account(statementAccount(reader, record.account, reading));
        }
        sink.transaction(transactionOf(record, reader.rawOf(record), reading, ids));
    }
    return Ok{};
}

} // namespace coffer::importers::qif
