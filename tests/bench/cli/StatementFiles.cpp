#include "StatementFiles.h"

#include "BenchRandom.h"
#include "MerchantCatalog.h"

#include <QDate>
#include <QFile>

#include <algorithm>
#include <cctype>
#include <functional>

namespace coffer::bench {

using importers::Format;
using model::Error;

namespace {

constexpr int kPerDay = 40;
constexpr int kPerMt940Statement = 500;

struct Record {
    qint64 index = 0; // 0-based, file order
    QDate day;
    qint64 cents = 0; // Coffer's sign
    QByteArray text;  // ASCII payee text
};

// The records of every format's file: the same sequence for the same count.
class RecordSource {
public:
    explicit RecordSource(qint64 total)
        : m_rng(0xC0FFEE)
        , m_first(QDate(2026, 10, 31).addDays(-(total / kPerDay)))
    {
    }

    Record next()
    {
        const Merchant& m = m_catalog.pickEveryday(m_rng);
        Record r{m_index, m_first.addDays(m_index / kPerDay), MerchantCatalog::amount(m, m_rng), m.provider.toLatin1()};
        ++m_index;
        m_balance += r.cents;
        return r;
    }
    QDate firstDay() const { return m_first; }
    qint64 balance() const { return m_balance; } // the sum of the records so far

private:
    MerchantCatalog m_catalog;
    BenchRandom m_rng;
    QDate m_first;
    qint64 m_index = 0;
    qint64 m_balance = 0;
};

QByteArray decimal(qint64 cents, char mark = '.', bool group = false)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    QByteArray units = QByteArray::number(magnitude / 100);
    if (group)
        for (qsizetype at = units.size() - 3; at > 0; at -= 3)
            units.insert(at, ',');
    const QByteArray fraction = QByteArray::number(magnitude % 100).rightJustified(2, '0');
    return (cents < 0 ? "-" : "") + units + mark + fraction;
}

QByteArray xmlEscaped(const QByteArray& text)
{
    QByteArray out = text;
    return out.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
}

QByteArray date(const QDate& day, const char* format)
{
    return day.toString(QLatin1String(format)).toLatin1();
}

// SWIFT's character set has no '*', '#', '&' ...: banks write a space instead.
QByteArray swiftText(QByteArray text)
{
    for (char& c : text)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || QByteArrayView("/-?:().,'+ ").contains(c)))
            c = ' ';
    return text;
}

void writeOfx(RecordSource& source, qint64 n, QByteArray& out, const std::function<void()>& flush)
{
    out += "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\n"
           "COMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
           "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20261031120000"
           "<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\r\n<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0"
           "<SEVERITY>INFO</STATUS>\r\n<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>121000248<ACCTID>000012345678"
           "<ACCTTYPE>CHECKING</BANKACCTFROM>\r\n<BANKTRANLIST><DTSTART>" +
           date(source.firstDay(), "yyyyMMdd") + "<DTEND>20261031\r\n";
    for (qint64 i = 0; i < n; ++i) {
        const Record r = source.next();
        out += "<STMTTRN>\r\n<TRNTYPE>" + QByteArray(r.cents < 0 ? "DEBIT" : "CREDIT") + "\r\n<DTPOSTED>" +
               date(r.day, "yyyyMMdd") + "120000.000[-8:PST]\r\n<TRNAMT>" + decimal(r.cents) + "\r\n<FITID>" +
               date(r.day, "yyyyMMdd") + QByteArray::number(r.index).rightJustified(8, '0') + "\r\n<NAME>" +
               xmlEscaped(r.text.left(32)) + "\r\n<MEMO>" + xmlEscaped(r.text) + "\r\n</STMTTRN>\r\n";
        flush();
    }
    out += "</BANKTRANLIST>\r\n<LEDGERBAL><BALAMT>" + decimal(source.balance()) +
           "<DTASOF>20261031</LEDGERBAL>\r\n</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n";
}

void writeQif(RecordSource& source, qint64 n, QByteArray& out, const std::function<void()>& flush)
{
    out += "!Type:Bank\n";
    for (qint64 i = 0; i < n; ++i) {
        const Record r = source.next();
        out += 'D' + date(r.day, "MM/dd/yyyy") + "\nT" + decimal(r.cents, '.', true) + "\nP" + r.text + '\n';
        if (r.index % 7 == 0)
            out += "N" + QByteArray::number(1000 + r.index) + '\n';
        out += "^\n";
        flush();
    }
}

void writeCsv(RecordSource& source, qint64 n, QByteArray& out, const std::function<void()>& flush)
{
    out += "Date,Description,Amount\r\n";
    for (qint64 i = 0; i < n; ++i) {
        const Record r = source.next();
        const QByteArray text = r.text.contains(',') ? '"' + QByteArray(r.text).replace('"', "\"\"") + '"' : r.text;
        out += date(r.day, "yyyy-MM-dd") + ',' + text + ',' + decimal(r.cents) + "\r\n";
        flush();
    }
}

void writeCamt(RecordSource& source, qint64 n, QByteArray& out, const std::function<void()>& flush)
{
    const QByteArray opened = date(source.firstDay(), "yyyy-MM-dd");
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>\n"
           "<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2026-10-31T18:00:00</CreDtTm></GrpHdr>\n"
           "<Stmt><Id>BENCH-STMT-1</Id><CreDtTm>2026-10-31T18:00:00</CreDtTm>\n"
           "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
           "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
           "<Dt><Dt>" +
           opened + "</Dt></Dt></Bal>\n";
    for (qint64 i = 0; i < n; ++i) {
        const Record r = source.next();
        const QByteArray day = date(r.day, "yyyy-MM-dd");
        const QByteArray ref = "BENCH" + QByteArray::number(r.index).rightJustified(9, '0');
        out += "<Ntry><Amt Ccy=\"EUR\">" + decimal(r.cents < 0 ? -r.cents : r.cents) + "</Amt><CdtDbtInd>" +
               (r.cents < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + day +
               "</Dt></BookgDt><ValDt><Dt>" + day + "</Dt></ValDt><AcctSvcrRef>" + ref +
               "</AcctSvcrRef>\n<BkTxCd/><NtryDtls><TxDtls><Refs><EndToEndId>E2E-" + ref +
               "</EndToEndId></Refs><RmtInf><Ustrd>" + xmlEscaped(r.text) +
               "</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n";
        flush();
    }
    out += "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" +
           decimal(source.balance() < 0 ? -source.balance() : source.balance()) + "</Amt><CdtDbtInd>" +
           (source.balance() < 0 ? "DBIT" : "CRDT") +
           "</CdtDbtInd><Dt><Dt>2026-10-31</Dt></Dt></Bal>\n</Stmt></BkToCstmrStmt></Document>\n";
}

QByteArray mt940Balance(const char* tag, qint64 cents, const QDate& day)
{
    return tag + QByteArray(cents < 0 ? "D" : "C") + date(day, "yyMMdd") + "EUR" +
           decimal(cents < 0 ? -cents : cents, ',') + "\r\n";
}

void writeMt940(RecordSource& source, qint64 n, QByteArray& out, const std::function<void()>& flush)
{
    QDate last = source.firstDay();
    for (qint64 first = 0; first < n; first += kPerMt940Statement) {
        const qint64 number = first / kPerMt940Statement + 1;
        out += ":20:BENCH" + QByteArray::number(number) +
               "\r\n:25:DE89370400440532013000\r\n:28C:" + QByteArray::number(number) + "/1\r\n" +
               mt940Balance(":60F:", source.balance(), last);
        for (qint64 i = first; i < std::min(n, first + kPerMt940Statement); ++i) {
            const Record r = source.next();
            last = r.day;
            out += ":61:" + date(r.day, "yyMMdd") + date(r.day, "MMdd") + (r.cents < 0 ? "D" : "C") +
                   decimal(r.cents < 0 ? -r.cents : r.cents, ',') + "NTRFNONREF//B" +
                   QByteArray::number(r.index).rightJustified(9, '0') + "\r\n:86:166?00SEPA-UEBERWEISUNG?20" +
                   swiftText(r.text.left(27)) +
                   (r.text.size() > 27 ? QByteArray("?21" + swiftText(r.text.mid(27, 27))) : QByteArray()) + "\r\n";
            flush();
        }
        out += mt940Balance(":62F:", source.balance(), last) + "-\r\n";
    }
}

} // namespace

bool formatFromId(const QString& id, Format* format)
{
    for (const Format f : {Format::Ofx, Format::Qif, Format::Csv, Format::Camt053, Format::Mt940}) {
        if (importers::formatId(f) == id) {
            *format = f;
            return true;
        }
    }
    return false;
}

model::Status writeStatementFile(Format format, qint64 transactions, const QString& path)
{
    if (transactions < 1)
        return Error::permanent(QStringLiteral("--transactions must be at least 1"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::storage(QStringLiteral("%1 cannot be written: %2").arg(path, file.errorString()));
    QByteArray out;
    bool written = true;
    const auto flush = [&](bool always = false) {
        if (written && (always || out.size() >= 256 * 1024))
            written = file.write(out) == out.size();
        if (always || out.size() >= 256 * 1024)
            out.clear();
    };
    RecordSource source(transactions);
    const std::function<void()> step = [&] { flush(); };
    switch (format) {
    case Format::Ofx:
        writeOfx(source, transactions, out, step);
        break;
    case Format::Qif:
        writeQif(source, transactions, out, step);
        break;
    case Format::Csv:
        writeCsv(source, transactions, out, step);
        break;
    case Format::Camt053:
        writeCamt(source, transactions, out, step);
        break;
    case Format::Mt940:
        writeMt940(source, transactions, out, step);
        break;
    }
    flush(true);
    if (!written || !file.flush())
        return Error::storage(QStringLiteral("%1 cannot be written: %2").arg(path, file.errorString()));
    return model::Ok{};
}

} // namespace coffer::bench
