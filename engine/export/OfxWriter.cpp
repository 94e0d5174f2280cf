#include "export/OfxWriter.h"

#include "export/ExportFile.h"

#include <QXmlStreamWriter>

namespace coffer::exporting {

using model::Result;
using model::Status;

namespace {

constexpr int kNameLength = 32;  // OFX NAME is A-32
constexpr int kMemoLength = 255; // MEMO is A-255
constexpr int kAccountIdLength = 22;

QString ofxDate(const QDate& day)
{
    return day.toString(QStringLiteral("yyyyMMdd"));
}

QString ofxDateTime(const QDateTime& when)
{
    return when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss.zzz")) + QStringLiteral("[0:GMT]");
}

bool isCard(const ExportAccount& e)
{
    return e.account.kind == model::AccountKind::CreditCard;
}

QString accountType(model::AccountKind kind)
{
    return kind == model::AccountKind::Savings ? QStringLiteral("SAVINGS") : QStringLiteral("CHECKING");
}

// Stable and unique: Coffer's account id, with the last digits the bank shows when known.
QString accountId(const model::Account& a)
{
    QString id = QString::number(a.id);
    if (!a.mask.isEmpty())
        id += u'-' + a.mask;
    return id.left(kAccountIdLength);
}

void writeStatus(QXmlStreamWriter& xml)
{
    xml.writeStartElement(QStringLiteral("STATUS"));
    xml.writeTextElement(QStringLiteral("CODE"), QStringLiteral("0"));
    xml.writeTextElement(QStringLiteral("SEVERITY"), QStringLiteral("INFO"));
    xml.writeEndElement();
}

void writeTransaction(QXmlStreamWriter& xml, const model::Transaction& t)
{
    const QString description = oneLine(shownDescription(t));
    QString name = oneLine(t.counterparty);
    if (name.isEmpty())
        name = description;
    xml.writeStartElement(QStringLiteral("STMTTRN"));
    xml.writeTextElement(QStringLiteral("TRNTYPE"),
                         t.amount.isNegative() ? QStringLiteral("DEBIT") : QStringLiteral("CREDIT"));
    xml.writeTextElement(QStringLiteral("DTPOSTED"), ofxDate(t.bookedOn));
    if (t.authorizedOn && t.authorizedOn->isValid())
        xml.writeTextElement(QStringLiteral("DTUSER"), ofxDate(*t.authorizedOn));
    xml.writeTextElement(QStringLiteral("TRNAMT"), t.amount.toDecimalString());
    xml.writeTextElement(QStringLiteral("FITID"), QString::number(t.id));
    if (!t.checkNumber.isEmpty())
        xml.writeTextElement(QStringLiteral("CHECKNUM"), oneLine(t.checkNumber).left(12));
    if (!name.isEmpty())
        xml.writeTextElement(QStringLiteral("NAME"), name.left(kNameLength));
    if (!description.isEmpty())
        xml.writeTextElement(QStringLiteral("MEMO"), description.left(kMemoLength));
    xml.writeEndElement();
}

// One account's statement response: STMTTRNRS/STMTRS or CCSTMTTRNRS/CCSTMTRS.
Status writeStatement(QXmlStreamWriter& xml, ExportFile& file, const LedgerSource& source, const ExportFilter& filter,
                      const ExportAccount& e, int serial, ExportSummary& summary, const QDate& today)
{
    const bool card = isCard(e);
    xml.writeStartElement(card ? QStringLiteral("CCSTMTTRNRS") : QStringLiteral("STMTTRNRS"));
    xml.writeTextElement(QStringLiteral("TRNUID"), QString::number(serial));
    writeStatus(xml);
    xml.writeStartElement(card ? QStringLiteral("CCSTMTRS") : QStringLiteral("STMTRS"));
    xml.writeTextElement(QStringLiteral("CURDEF"), e.account.currency);
    xml.writeStartElement(card ? QStringLiteral("CCACCTFROM") : QStringLiteral("BANKACCTFROM"));
    if (!card)
        xml.writeTextElement(QStringLiteral("BANKID"), QStringLiteral("000000000")); // not known to Coffer
    xml.writeTextElement(QStringLiteral("ACCTID"), accountId(e.account));
    if (!card)
        xml.writeTextElement(QStringLiteral("ACCTTYPE"), accountType(e.account.kind));
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("BANKTRANLIST"));
    const QDate start = filter.from.isValid() ? filter.from : (e.firstDate.isValid() ? e.firstDate : today);
    const QDate end = filter.to.isValid() ? filter.to : (e.lastDate.isValid() ? e.lastDate : today);
    xml.writeTextElement(QStringLiteral("DTSTART"), ofxDate(start));
    xml.writeTextElement(QStringLiteral("DTEND"), ofxDate(end));
    ExportFilter own = filter;
    own.accountId = e.account.id;
    const auto written = file.writeRows(source.rowSource(own), kExportPageSize, [&](const store::TransactionRow& row) {
        if (row.transaction.isPending())
            ++summary.pendingLeftOut;
        else
            writeTransaction(xml, row.transaction);
        return QByteArray(); // written through the device by xml
    });
    if (!written.ok())
        return written.error();
    summary.transactions += written.value();
    xml.writeEndElement(); // BANKTRANLIST

    if (e.latestBalance) {
        xml.writeStartElement(QStringLiteral("LEDGERBAL"));
        xml.writeTextElement(QStringLiteral("BALAMT"), e.latestBalance->toDecimalString());
        xml.writeTextElement(QStringLiteral("DTASOF"), ofxDateTime(e.balanceAsOf));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // STMTRS
    xml.writeEndElement(); // STMTTRNRS
    return file.written();
}

} // namespace

Result<ExportSummary> OfxWriter::write(const QString& path, const LedgerSource& source, const ExportFilter& filter,
                                       const QDateTime& now)
{
    const auto accounts = source.accounts(filter);
    if (!accounts.ok())
        return accounts.error();
    ExportFile file(path);
    if (auto opened = file.open(); !opened.ok())
        return opened.error();
    QXmlStreamWriter xml(file.device());
    xml.setAutoFormatting(true);
    xml.writeStartDocument(QStringLiteral("1.0"), false);
    xml.writeProcessingInstruction(QStringLiteral("OFX"), QStringLiteral("OFXHEADER=\"200\" VERSION=\"220\" "
                                                                         "SECURITY=\"NONE\" OLDFILEUID=\"NONE\" "
                                                                         "NEWFILEUID=\"NONE\""));
    xml.writeStartElement(QStringLiteral("OFX"));
    xml.writeStartElement(QStringLiteral("SIGNONMSGSRSV1"));
    xml.writeStartElement(QStringLiteral("SONRS"));
    writeStatus(xml);
    xml.writeTextElement(QStringLiteral("DTSERVER"), ofxDateTime(now));
    xml.writeTextElement(QStringLiteral("LANGUAGE"), QStringLiteral("ENG"));
    xml.writeEndElement();
    xml.writeEndElement();

    ExportSummary summary;
    summary.path = file.path();
    summary.accounts = int(accounts.value().size());
    int serial = 0;
    for (const bool cards : {false, true}) {
        bool opened = false;
        for (const ExportAccount& e : accounts.value()) {
            if (isCard(e) != cards)
                continue;
            if (!opened) {
                xml.writeStartElement(cards ? QStringLiteral("CREDITCARDMSGSRSV1") : QStringLiteral("BANKMSGSRSV1"));
                opened = true;
            }
            if (auto done = writeStatement(xml, file, source, filter, e, ++serial, summary, now.toUTC().date());
                !done.ok())
                return file.abandon(done.error());
        }
        if (opened)
            xml.writeEndElement();
    }
    xml.writeEndElement(); // OFX
    xml.writeEndDocument();
    summary.transactions -= summary.pendingLeftOut;
    if (auto done = file.commit(); !done.ok())
        return done.error();
    return summary;
}

} // namespace coffer::exporting
