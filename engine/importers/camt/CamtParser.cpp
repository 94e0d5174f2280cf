#include "importers/camt/CamtParser.h"

#include "importers/RecordId.h"
#include "importers/camt/CamtDocument.h"
#include "importers/camt/CamtEntry.h"
#include "importers/camt/RawEntryWriter.h"
#include "importers/text/XmlPullReader.h"

namespace coffer::importers::camt {

using model::Error;

namespace {

constexpr qsizetype kMaxText = 64 * 1024; // far above any CAMT field (Ustrd: 140 characters)

// A <Bal> as it is read.
struct BalanceFields {
    qint64 line = 0;
    QString type, amount, currency, indicator, date;
};

// Where the text of the element at `path` goes; `ifEmpty`: only when nothing came before.
template <typename Fields> struct Slot {
    QStringView path;
    QString Fields::*member;
    bool ifEmpty;
};

template <typename Fields, std::size_t N>
void assign(const Slot<Fields> (&slots)[N], QStringView path, QStringView text, Fields& into)
{
    for (const Slot<Fields>& slot : slots) {
        if (slot.path != path)
            continue;
        QString& field = into.*slot.member;
        if (!slot.ifEmpty || field.isEmpty())
            field = text.toString();
        return;
    }
}

class Reader {
public:
    Reader(QIODevice& in, const ParseOptions& options, StatementSink& sink)
        : m_xml(in)
        , m_options(options)
        , m_sink(sink)
    {
    }

    model::Status run();

private:
    qint64 line() const { return m_xml.lineNumber(); }
    QStringView below(qsizetype base) const { return QStringView(m_path).mid(base); }
    void fail(const QString& what)
    {
        if (!m_error)
            m_error = Error::invalidData(QStringLiteral("line %1: %2").arg(line()).arg(what));
    }

    void start();
    void end();
    void startEntry();
    void statementField(QStringView path, QStringView text);
    void entryField(QStringView path, QStringView text);
    void endBalance();
    void sendAccount();
    void recordRaw();

    text::XmlPullReader m_xml;
    const ParseOptions& m_options;
    StatementSink& m_sink;
    std::optional<Error> m_error;
    RecordIdMaker m_ids;

    QString m_path; // "/Document/BkToCstmrStmt/Stmt/Ntry/Amt": local names of the open elements
    QList<qsizetype> m_pathLengths;
    QString m_text;
    // m_path's length just after these elements; -1 outside them.
    qsizetype m_statement = -1, m_balance = -1, m_entry = -1, m_details = -1;
    int m_statements = 0;

    StatementAccount m_account;
    bool m_accountSent = false;
    bool m_balanceUnsent = false;
    BalanceFields m_bal;
    EntryFields m_ntry;
    RawEntryWriter m_raw;
};

model::Status Reader::run()
{
    using Token = text::XmlPullReader::Token;
    for (Token token = m_xml.next(); !m_error && token != Token::End; token = m_xml.next()) {
        switch (token) {
        case Token::StartElement:
            start();
            break;
        case Token::EndElement:
            end();
            break;
        case Token::Text:
            // White space between elements is no value (and trimmed from values anyway).
            if (m_xml.isWhitespace())
                break;
            if (m_text.size() < kMaxText)
                m_text += m_xml.text();
            recordRaw();
            break;
        case Token::Error:
            return *m_xml.error();
        case Token::End:
            break;
        }
    }
    if (m_error)
        return *m_error;
    if (m_statements == 0)
        return Error::invalidData(QStringLiteral("line %1: the document has no statement (<Stmt>)").arg(line()));
    return model::Ok{};
}

void Reader::start()
{
    m_text.resize(0);
    m_pathLengths.append(m_path.size());
    m_path += u'/';
    m_path += m_xml.name();
    recordRaw();

    if (m_pathLengths.size() == 1) {
        if (const std::optional<QString> refusal = refuseDocument(m_xml.name(), m_xml.rootNamespace()))
            fail(*refusal);
        return;
    }
    if (m_statement < 0) {
        if (m_path == u"/Document/BkToCstmrStmt/Stmt") {
            m_statement = m_path.size();
            m_account = {};
            m_accountSent = m_balanceUnsent = false;
            ++m_statements;
        }
        return;
    }
    const QStringView path = below(m_statement);
    if (m_entry >= 0) {
        if (below(m_entry) == u"/Amt")
            m_ntry.currency = m_xml.attribute(u"Ccy").toString();
        else if (below(m_entry) == u"/NtryDtls/TxDtls" && ++m_ntry.details == 1)
            m_details = m_path.size();
    } else if (path == u"/Ntry") {
        startEntry();
    } else if (path == u"/Bal") {
        m_balance = m_path.size();
        m_bal = {};
        m_bal.line = line();
    } else if (m_balance >= 0 && below(m_balance) == u"/Amt") {
        m_bal.currency = m_xml.attribute(u"Ccy").toString();
    }
}

void Reader::startEntry()
{
    if (m_account.id.isEmpty())
        return fail(QStringLiteral("an entry (<Ntry>) comes before its statement's account id (<Acct><Id>)"));
    sendAccount();
    m_entry = m_path.size();
    m_ntry = {};
    m_ntry.line = line();
    recordRaw(); // the <Ntry> start tag itself, recorded before m_entry was set
}

void Reader::end()
{
    const QStringView trimmed = QStringView(m_text).trimmed(); // valid until m_text is emptied below
    recordRaw();
    const qsizetype length = m_path.size();
    if (m_entry >= 0) {
        if (length == m_entry) {
            m_ntry.raw = m_raw.take();
            m_entry = m_details = -1;
            // INFO: "only provided for information; no booking has been performed".
            if (m_ntry.status == QLatin1String("INFO")) {
                m_sink.notice(QStringLiteral("line %1: an entry marked INFO (for information, not booked) is not "
                                             "imported")
                                  .arg(m_ntry.line));
            } else {
                m_sink.transaction(toTransaction(std::move(m_ntry), m_account.id, m_options.defaultCurrency, m_ids));
            }
        } else {
            entryField(below(m_entry), trimmed);
        }
    } else if (length == m_balance) {
        endBalance();
        m_balance = -1;
    } else if (length == m_statement) {
        if (m_account.id.isEmpty())
            return fail(QStringLiteral("the statement (<Stmt>) has no account id (<Acct><Id>)"));
        if (!m_accountSent || m_balanceUnsent)
            sendAccount();
        m_statement = -1;
    } else if (m_statement >= 0) {
        statementField(below(m_statement), trimmed);
    }
    m_text.resize(0); // keeps its capacity: no allocation per element
    if (!m_pathLengths.isEmpty())
        m_path.truncate(m_pathLengths.takeLast());
}

void Reader::statementField(QStringView path, QStringView text)
{
    static constexpr Slot<StatementAccount> kAccount[] = {
        {u"/Acct/Id/IBAN", &StatementAccount::id, false},
        {u"/Acct/Id/Othr/Id", &StatementAccount::id, true},
        {u"/Acct/Ccy", &StatementAccount::currency, false},
        {u"/Acct/Nm", &StatementAccount::name, false},
        {u"/Acct/Svcr/FinInstnId/BIC", &StatementAccount::institution, false},
        {u"/Acct/Svcr/FinInstnId/BICFI", &StatementAccount::institution, false},
        {u"/Acct/Svcr/FinInstnId/Nm", &StatementAccount::institution, true},
    };
    static constexpr Slot<BalanceFields> kBalance[] = {
        {u"/Tp/CdOrPrtry/Cd", &BalanceFields::type, false}, {u"/Amt", &BalanceFields::amount, false},
        {u"/CdtDbtInd", &BalanceFields::indicator, false},  {u"/Dt/Dt", &BalanceFields::date, false},
        {u"/Dt/DtTm", &BalanceFields::date, false},
    };
    if (m_balance >= 0)
        assign(kBalance, below(m_balance), text, m_bal);
    else
        assign(kAccount, path, text, m_account);
}

void Reader::entryField(QStringView path, QStringView text)
{
    static constexpr Slot<EntryFields> kEntry[] = {
        {u"/Amt", &EntryFields::amount, false},
        {u"/CdtDbtInd", &EntryFields::indicator, false},
        {u"/Sts", &EntryFields::status, true}, // v2-v7: the code; v8: empty around <Cd>
        {u"/Sts/Cd", &EntryFields::status, false},
        {u"/BookgDt/Dt", &EntryFields::bookingDate, false},
        {u"/BookgDt/DtTm", &EntryFields::bookingDate, false},
        {u"/ValDt/Dt", &EntryFields::valueDate, false},
        {u"/ValDt/DtTm", &EntryFields::valueDate, false},
        {u"/AcctSvcrRef", &EntryFields::servicerReference, false},
        {u"/AddtlNtryInf", &EntryFields::additionalInfo, false},
    };
    static constexpr Slot<EntryFields> kDetails[] = {
        {u"/Refs/EndToEndId", &EntryFields::endToEndId, false},
        {u"/Refs/AcctSvcrRef", &EntryFields::detailServicerReference, false},
        {u"/RltdPties/Cdtr/Nm", &EntryFields::creditorName, false},
        {u"/RltdPties/Cdtr/Pty/Nm", &EntryFields::creditorName, false}, // v8
        {u"/RltdPties/Dbtr/Nm", &EntryFields::debtorName, false},
        {u"/RltdPties/Dbtr/Pty/Nm", &EntryFields::debtorName, false}, // v8
        {u"/AddtlTxInf", &EntryFields::additionalTxInfo, false},
    };
    if (m_path.size() == m_details)
        m_details = -1; // the first <TxDtls> ends: later ones lend nothing
    if (m_details < 0) {
        assign(kEntry, path, text, m_ntry);
        return;
    }
    const QStringView detail = below(m_details);
    if (detail == u"/RmtInf/Ustrd" && !text.isEmpty())
        m_ntry.remittance.append(text.toString());
    else
        assign(kDetails, detail, text, m_ntry);
}

void Reader::endBalance()
{
    const bool ledger = m_bal.type == QLatin1String("CLBD");
    if (!ledger && m_bal.type != QLatin1String("CLAV"))
        return;
    const QString currency = m_bal.currency.isEmpty() ? m_account.currency : m_bal.currency;
    const auto amount = signedAmount(m_bal.amount, currency, m_bal.indicator);
    const std::optional<QDate> day = camtDate(m_bal.date);
    if (!amount || !day) {
        m_sink.notice(QStringLiteral("line %1: the %2 balance is not imported: %3")
                          .arg(m_bal.line)
                          .arg(ledger ? QStringLiteral("closing") : QStringLiteral("available"),
                               amount ? QStringLiteral("it has no date") : amount.error().userMessage));
        return;
    }
    std::optional<StatementBalance>& kept = ledger ? m_account.ledgerBalance : m_account.availableBalance;
    if (!kept || kept->asOf <= *day) {
        kept = StatementBalance{amount.value(), *day};
        m_balanceUnsent = true;
    }
}

void Reader::sendAccount()
{
    m_sink.account(m_account);
    m_accountSent = true;
    m_balanceUnsent = false;
}

void Reader::recordRaw()
{
    if (m_entry >= 0)
        m_raw.write(m_xml);
}

} // namespace

model::Status CamtParser::parse(QIODevice& in, const ParseOptions& options, StatementSink& sink)
{
    return Reader(in, options, sink).run();
}

} // namespace coffer::importers::camt
