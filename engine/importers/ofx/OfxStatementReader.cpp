#include "importers/ofx/OfxStatementReader.h"

#include "importers/ofx/OfxAmounts.h"
#include "importers/ofx/OfxDate.h"
#include "model/Currency.h"

#include <QStringList>

namespace coffer::importers::ofx {

using model::Error;
using model::Ok;
using model::Status;

namespace {

OfxTag accountTagOf(OfxTag statement)
{
    switch (statement) {
    case OfxTag::CardStatement:
        return OfxTag::CardAccountFrom;
    case OfxTag::InvestmentStatement:
        return OfxTag::InvestmentAccountFrom;
    default:
        return OfxTag::BankAccountFrom;
    }
}

QString statementName(OfxTag statement)
{
    switch (statement) {
    case OfxTag::CardStatement:
        return QStringLiteral("<CCSTMTRS>");
    case OfxTag::InvestmentStatement:
        return QStringLiteral("<INVSTMTRS>");
    default:
        return QStringLiteral("<STMTRS>");
    }
}

QString accountName(OfxTag statement)
{
    switch (statement) {
    case OfxTag::CardStatement:
        return QStringLiteral("<CCACCTFROM>");
    case OfxTag::InvestmentStatement:
        return QStringLiteral("<INVACCTFROM>");
    default:
        return QStringLiteral("<BANKACCTFROM>");
    }
}

model::AccountKind kindOf(OfxTag statement, const QByteArray& accountType)
{
    if (statement == OfxTag::CardStatement)
        return model::AccountKind::CreditCard;
    if (statement == OfxTag::InvestmentStatement)
        return model::AccountKind::Other;
    const QByteArray type = accountType.trimmed().toUpper();
    if (type == "SAVINGS" || type == "MONEYMRKT" || type == "CD")
        return model::AccountKind::Savings;
    if (type == "CREDITLINE")
        return model::AccountKind::CreditCard;
    return model::AccountKind::Checking;
}

QString counted(int n, const char* one, const char* many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

} // namespace

OfxStatementReader::OfxStatementReader(StatementSink& sink, const ParseOptions& options, OfxTextDecoder text)
    : m_sink(sink)
    , m_options(options)
    , m_text(text)
{
    m_context.text = text;
}

Status OfxStatementReader::fail(qint64 line, const QString& why) const
{
    return Error::invalidData(QStringLiteral("line %1: %2").arg(line).arg(why));
}

QString OfxStatementReader::statementCurrency() const
{
    return m_statement && !m_statement->currencyDefault.isEmpty() ? m_statement->currencyDefault
                                                                  : m_options.defaultCurrency;
}

Status OfxStatementReader::begin(OfxTag tag, QByteArrayView name, OfxTag parent, qint64 line)
{
    if (m_inTransaction) {
        if (parent == OfxTag::Transaction && (tag == OfxTag::Currency || tag == OfxTag::OriginalCurrency))
            m_transaction.beginCurrency(tag, line);
        else if (tag == OfxTag::Transaction)
            return fail(line, QStringLiteral("<STMTTRN> inside another <STMTTRN> (line %1)").arg(m_transaction.line()));
        return Ok{};
    }
    switch (tag) {
    case OfxTag::Status:
        if (!m_status) // a STATUS inside a STATUS adds its values to the outer one
            m_status = OfxStatus{parent, line, {}, {}, {}};
        return Ok{};
    case OfxTag::BankStatement:
    case OfxTag::CardStatement:
    case OfxTag::InvestmentStatement:
        if (m_statement)
            return fail(
                line,
                QStringLiteral("%1 inside another statement (line %2)").arg(statementName(tag)).arg(m_statement->line));
        m_statement = Statement{};
        m_statement->tag = tag;
        m_statement->line = line;
        ++m_statements;
        return Ok{};
    case OfxTag::Transaction:
        return beginTransaction(parent, line);
    default:
        break;
    }
    if (!m_statement)
        return Ok{};
    Statement& s = *m_statement;
    if (parent == s.tag && tag == accountTagOf(s.tag)) {
        if (s.accountSent)
            return fail(line,
                        QStringLiteral("a second %1 in one statement (line %2)").arg(accountName(s.tag)).arg(s.line));
        s.accountOpen = true;
        s.accountLine = line;
    } else if (parent == s.tag && (tag == OfxTag::LedgerBalance || tag == OfxTag::AvailableBalance)) {
        s.balance = Balance{tag, line, {}, {}};
    } else if (parent == OfxTag::InvestmentTransactionList && tag != OfxTag::InvestmentBankTransaction) {
        if (name.startsWith("BUY"))
            ++s.investments.buys;
        else if (name.startsWith("SELL"))
            ++s.investments.sells;
        else
            ++s.investments.otherTrades;
    } else if (parent == OfxTag::InvestmentPositionList) {
        ++s.investments.positions;
    } else if (parent == OfxTag::OpenOrderList) {
        ++s.investments.openOrders;
    }
    return Ok{};
}

Status OfxStatementReader::beginTransaction(OfxTag parent, qint64 line)
{
    if (!m_statement || (parent != OfxTag::BankTransactionList && parent != OfxTag::InvestmentBankTransaction))
        return fail(line, QStringLiteral("<STMTTRN> outside a statement's transaction list"));
    if (!m_statement->accountSent)
        return fail(
            line,
            QStringLiteral("<STMTTRN> comes before %1, the account it belongs to").arg(accountName(m_statement->tag)));
    m_inTransaction = true;
    m_transaction.reset(line);
    if (m_reader)
        m_reader->startCapture();
    return Ok{};
}

Status OfxStatementReader::value(OfxTag tag, OfxTag parent, QByteArrayView value, qint64 line)
{
    if (m_inTransaction) {
        m_transaction.set(tag, parent, value, line);
        return Ok{};
    }
    if (parent == OfxTag::Status && m_status) {
        m_status->set(tag, value);
        return Ok{};
    }
    if (parent == OfxTag::FinancialInstitution && tag == OfxTag::Org) {
        m_organization = m_text.decode(value);
        return Ok{};
    }
    if (!m_statement)
        return Ok{};
    Statement& s = *m_statement;
    if (parent == s.tag && tag == OfxTag::DefaultCurrency) {
        const QString code = m_text.decode(value).trimmed().toUpper();
        if (!code.isEmpty() && !model::currency::isValidCode(code))
            return fail(line, QStringLiteral("<CURDEF> is not a currency code"));
        s.currencyDefault = code;
        if (s.accountSent && !code.isEmpty() && s.account.currency != code) {
            s.account.currency = code;
            m_sink.account(s.account);
        }
    } else if (s.accountOpen && parent == accountTagOf(s.tag)) {
        if (tag == OfxTag::BankId)
            assignBytes(s.bankId, value);
        else if (tag == OfxTag::AccountId)
            assignBytes(s.accountId, value);
        else if (tag == OfxTag::AccountType)
            assignBytes(s.accountType, value);
        else if (tag == OfxTag::BrokerId)
            assignBytes(s.brokerId, value);
    } else if (s.balance && parent == s.balance->which) {
        if (tag == OfxTag::BalanceAmount)
            assignBytes(s.balance->amount, value);
        else if (tag == OfxTag::DateAsOf)
            assignBytes(s.balance->asOf, value);
    }
    return Ok{};
}

Status OfxStatementReader::end(OfxTag tag, qint64 line)
{
    if (m_inTransaction)
        return tag == OfxTag::Transaction ? endTransaction(line) : Status(Ok{});
    if (tag == OfxTag::Status)
        return m_status ? endStatus() : Status(Ok{}); // none when it opened inside a record
    if (!m_statement)
        return Ok{};
    Statement& s = *m_statement;
    if (tag == s.tag)
        return endStatement();
    if (s.accountOpen && tag == accountTagOf(s.tag))
        return endAccount(line);
    if (s.balance && tag == s.balance->which)
        endBalance();
    return Ok{};
}

Status OfxStatementReader::endTransaction(qint64 line)
{
    Q_UNUSED(line)
    m_inTransaction = false;
    QByteArray raw = m_reader ? m_reader->takeCapture() : QByteArray();
    m_context.accountId = m_statement->account.id;
    m_context.currency = statementCurrency();
    if (m_context.currency.isEmpty() && !m_transaction.hasOwnCurrency())
        return fail(m_transaction.line(), QStringLiteral("the statement (line %1) does not say its currency (no "
                                                         "<CURDEF>): choose the account's currency")
                                              .arg(m_statement->line));
    auto built = m_transaction.build(m_context, std::move(raw));
    if (auto* removal = std::get_if<providers::RemovedTransaction>(&built))
        m_sink.removed(*removal);
    else
        m_sink.transaction(std::move(std::get<providers::ProviderTransaction>(built)));
    return Ok{};
}

Status OfxStatementReader::endStatus()
{
    const auto verdict = m_status->verdict(m_text);
    m_status.reset();
    if (!verdict.ok())
        return verdict.error();
    if (!verdict->isEmpty())
        m_sink.notice(verdict.value());
    return Ok{};
}

Status OfxStatementReader::endAccount(qint64 line)
{
    Q_UNUSED(line)
    Statement& s = *m_statement;
    s.accountOpen = false;
    const QString accountId = m_text.decode(s.accountId).trimmed();
    if (accountId.isEmpty())
        return fail(s.accountLine, QStringLiteral("%1 has no <ACCTID>").arg(accountName(s.tag)));
    const QString bankId = m_text.decode(s.bankId).trimmed();
    const QString brokerId = m_text.decode(s.brokerId).trimmed();
    s.account.id = bankId.isEmpty() ? accountId : bankId + QLatin1Char(' ') + accountId;
    s.account.institution = !bankId.isEmpty() ? bankId : (!brokerId.isEmpty() ? brokerId : m_organization);
    s.account.kind = kindOf(s.tag, s.accountType);
    s.account.currency = statementCurrency();
    s.accountSent = true;
    m_sink.account(s.account);
    return Ok{};
}

void OfxStatementReader::endBalance()
{
    Statement& s = *m_statement;
    const Balance balance = *s.balance;
    s.balance.reset();
    const QString name =
        balance.which == OfxTag::LedgerBalance ? QStringLiteral("<LEDGERBAL>") : QStringLiteral("<AVAILBAL>");
    const QString currency = statementCurrency();
    const auto asOf = parseOfxDate(balance.asOf);
    const auto amount = parseOfxAmount(balance.amount, model::currency::exponent(currency));
    QString missing;
    if (balance.amount.trimmed().isEmpty())
        missing = QStringLiteral("no amount");
    else if (currency.isEmpty())
        missing = QStringLiteral("the statement has no currency");
    else if (!amount.ok())
        missing = QStringLiteral("<BALAMT> ") + amount.error().userMessage;
    else if (!asOf)
        missing =
            balance.asOf.trimmed().isEmpty() ? QStringLiteral("no date") : QStringLiteral("<DTASOF> is not a date");
    if (!missing.isEmpty()) {
        m_sink.notice(QStringLiteral("line %1: %2 is left out: %3").arg(balance.line).arg(name, missing));
        return;
    }
    const StatementBalance stated{model::Money(amount.value(), currency), *asOf};
    if (balance.which == OfxTag::LedgerBalance)
        s.account.ledgerBalance = stated;
    else
        s.account.availableBalance = stated;
}

Status OfxStatementReader::endStatement()
{
    const Statement s = *m_statement;
    m_statement.reset();
    if (!s.accountSent)
        return fail(
            s.line,
            QStringLiteral("%1 has no %2, the account it is for").arg(statementName(s.tag), accountName(s.tag)));
    if (s.account.ledgerBalance || s.account.availableBalance)
        m_sink.account(s.account);
    const InvestmentCounts& n = s.investments;
    if (n.buys + n.sells + n.otherTrades + n.positions + n.openOrders > 0) {
        QStringList parts;
        if (n.buys > 0)
            parts << counted(n.buys, "buy", "buys");
        if (n.sells > 0)
            parts << counted(n.sells, "sale", "sales");
        if (n.otherTrades > 0)
            parts << counted(n.otherTrades, "other investment transaction", "other investment transactions");
        if (n.positions > 0)
            parts << counted(n.positions, "position", "positions");
        if (n.openOrders > 0)
            parts << counted(n.openOrders, "open order", "open orders");
        m_sink.notice(QStringLiteral("line %1: investments are not imported (%2); only the account's cash "
                                     "transactions are")
                          .arg(s.line)
                          .arg(parts.join(QStringLiteral(", "))));
    }
    return Ok{};
}

void OfxStatementReader::finish()
{
    if (m_statements == 0)
        m_sink.notice(QStringLiteral("the file holds no bank, credit card or investment statement: nothing to import"));
}

} // namespace coffer::importers::ofx
