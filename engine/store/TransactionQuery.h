#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace coffer::store {

// What the user narrowed the transaction list to. Every part is optional; an empty filter lists
// every visible transaction.
struct TransactionFilter {
    enum class Status { Any, Pending, Posted };

    QString search;          // words as typed: each must start a word of the description, payee or memo
    qint64 connectionId = 0; // 0: every connection
    qint64 accountId = 0;    // 0: every account
    QDate from;              // inclusive; invalid: no lower bound
    QDate to;                // inclusive; invalid: no upper bound
    // Bounds on the size of the amount, whatever its sign, in ten-thousandths of the currency's
    // major unit (12.5 -> 125000), so one bound means the same in USD, JPY and BHD.
    std::optional<qint64> minMagnitude;
    std::optional<qint64> maxMagnitude;
    Status status = Status::Any;
    QString category; // empty: any

    bool operator==(const TransactionFilter&) const = default;
};

enum class SortColumn { Date, Account, Description, Counterparty, Amount, Status };

struct TransactionQuery {
    TransactionFilter filter;
    SortColumn sortColumn = SortColumn::Date;
    bool descending = true;

    bool operator==(const TransactionQuery&) const = default;
};

// The sum of the listed transactions in one currency.
struct CurrencyTotal {
    QString currency;
    qint64 count = 0;
    qint64 inflowMinor = 0;  // money in (positive amounts)
    qint64 outflowMinor = 0; // money out (negative amounts, so this is <= 0)
    qint64 netMinor() const { return inflowMinor + outflowMinor; }
};

// An account as the filters offer it.
struct AccountChoice {
    qint64 id = 0;
    QString name;
    qint64 connectionId = 0;
    QString connectionName;
    QString currency;
};

// The FTS5 query for what the user typed: every word of at least kMinimumWordLength letters or
// digits a quoted prefix, so punctuation and FTS operators typed by the user are searched for,
// never interpreted. Empty when nothing searchable was typed.
inline constexpr int kMinimumWordLength = 2;
QString ftsQueryFor(const QString& typed);

// "12.5" / "1,234.56" / "-3" -> ten-thousandths of a unit (the sign is ignored: bounds are on the
// size of an amount). decimalPoint is the user's (QLocale::decimalPoint()); the other of '.' and
// ',' is taken as a group separator. Nothing when the text is not a number with at most four
// decimals.
std::optional<qint64> parseMagnitude(const QString& text, QChar decimalPoint = u'.');

} // namespace coffer::store
