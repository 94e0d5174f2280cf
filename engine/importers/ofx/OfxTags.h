#pragma once

#include <QByteArrayView>

namespace coffer::importers::ofx {

// The OFX elements the parser reads or must tell apart. Aggregates hold elements and always have a
// closing tag; leaves hold a value and, in OFX 1.x SGML, usually have none. Every other tag is
// Unknown: a value when text follows it, an aggregate (to be closed) when an element follows.
enum class OfxTag : unsigned char {
    Unknown,
    // Aggregates the parser reads.
    Ofx,
    SignOnResponse,            // SONRS
    Status,                    // STATUS
    BankStatement,             // STMTRS
    CardStatement,             // CCSTMTRS
    InvestmentStatement,       // INVSTMTRS
    BankAccountFrom,           // BANKACCTFROM
    CardAccountFrom,           // CCACCTFROM
    InvestmentAccountFrom,     // INVACCTFROM
    BankTransactionList,       // BANKTRANLIST
    InvestmentTransactionList, // INVTRANLIST
    InvestmentBankTransaction, // INVBANKTRAN
    InvestmentPositionList,    // INVPOSLIST
    OpenOrderList,             // INVOOLIST
    Transaction,               // STMTTRN
    Payee,                     // PAYEE
    Currency,                  // CURRENCY
    OriginalCurrency,          // ORIGCURRENCY
    LedgerBalance,             // LEDGERBAL
    AvailableBalance,          // AVAILBAL
    FinancialInstitution,      // FI
    StatementResponse,         // STMTTRNRS, CCSTMTTRNRS, INVSTMTTRNRS: a statement's STATUS is here
    OtherAggregate,            // an aggregate read only for its structure (the *MSGSRSV1 sets, *TRNRS, ...)
    // Leaves the parser reads.
    Code,
    Severity,
    Message,
    Org,
    DefaultCurrency, // CURDEF
    BankId,
    AccountId,
    AccountType,
    BrokerId,
    TransactionType, // TRNTYPE
    DatePosted,
    DateUser,
    Amount, // TRNAMT
    FitId,
    CorrectFitId,
    CorrectAction,
    CheckNumber,
    ReferenceNumber, // REFNUM
    Name,
    Memo,
    CurrencyRate,   // CURRATE
    CurrencySymbol, // CURSYM
    BalanceAmount,  // BALAMT
    DateAsOf,       // DTASOF
    OtherLeaf,      // a value the parser skips (DTSERVER, TRNUID, INTU.BID, ...)
};

// The tag for an element name in upper case ("STMTTRN"); Unknown for names the table lacks.
OfxTag tagOf(QByteArrayView upperName);

inline bool isAggregate(OfxTag tag)
{
    return tag >= OfxTag::Ofx && tag <= OfxTag::OtherAggregate;
}
inline bool isLeaf(OfxTag tag)
{
    return tag >= OfxTag::Code;
}

} // namespace coffer::importers::ofx
