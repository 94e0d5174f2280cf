#pragma once

#include "importers/StatementParser.h"
#include "importers/ofx/OfxElementReader.h"
#include "importers/ofx/OfxStatus.h"
#include "importers/ofx/OfxTransaction.h"

#include <optional>

namespace coffer::importers::ofx {

// Reads statements from the elements of an OFX file and hands them to a sink:
// - bank (STMTRS/BANKACCTFROM) and credit card (CCSTMTRS/CCACCTFROM) statements, any number of
//   them; the account (kind from ACCTTYPE) before its first transaction, again at the end with
//   LEDGERBAL and AVAILBAL;
// - investment statements (INVSTMTRS): the cash transactions (INVBANKTRAN) into the account (kind
//   Other), and a notice counting what is not imported (buys, sells, other trades, positions);
// - STMTTRN records as transactions, CORRECTACTION DELETE as removals;
// - a sign-on or statement STATUS whose CODE is not 0 (and whose SEVERITY is not INFO) stops
//   the read with the bank's message.
// Thread affinity: the caller's; one parse.
class OfxStatementReader final : public OfxElementHandler {
public:
    OfxStatementReader(StatementSink& sink, const ParseOptions& options, OfxTextDecoder text);

    // For the records' raw bytes.
    void setElementReader(OfxElementReader& reader) { m_reader = &reader; }

    model::Status begin(OfxTag tag, QByteArrayView name, OfxTag parent, qint64 line) override;
    model::Status value(OfxTag tag, OfxTag parent, QByteArrayView value, qint64 line) override;
    model::Status end(OfxTag tag, qint64 line) override;

    // After the last element: a notice when the file held no statement.
    void finish();

private:
    struct Balance {
        OfxTag which = OfxTag::Unknown;
        qint64 line = 0;
        QByteArray amount;
        QByteArray asOf;
    };
    struct InvestmentCounts {
        int buys = 0;
        int sells = 0;
        int otherTrades = 0;
        int positions = 0;
        int openOrders = 0;
    };
    struct Statement {
        OfxTag tag = OfxTag::Unknown;
        qint64 line = 0;
        QString currencyDefault; // CURDEF as written
        StatementAccount account;
        bool accountOpen = false;
        bool accountSent = false;
        qint64 accountLine = 0;
        QByteArray bankId;
        QByteArray accountId;
        QByteArray accountType;
        QByteArray brokerId;
        std::optional<Balance> balance;
        InvestmentCounts investments;
    };
    model::Status fail(qint64 line, const QString& why) const;
    model::Status beginTransaction(OfxTag parent, qint64 line);
    model::Status endTransaction(qint64 line);
    model::Status endStatus();
    model::Status endAccount(qint64 line);
    void endBalance();
    model::Status endStatement();
    QString statementCurrency() const;

    StatementSink& m_sink;
    const ParseOptions& m_options;
    OfxTextDecoder m_text;
    OfxElementReader* m_reader = nullptr;
    std::optional<Statement> m_statement;
    std::optional<OfxStatus> m_status;
    bool m_inTransaction = false;
    OfxTransaction m_transaction;
    OfxTransaction::Context m_context;
    QString m_organization; // SONRS/FI/ORG
    int m_statements = 0;
};

} // namespace coffer::importers::ofx
