#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QString>

#include <optional>

namespace coffer::importers::mt940 {

// A :61: statement line: value date YYMMDD, [entry date MMDD], mark (C, D, RC, RD), [funds code],
// amount ("1234,5"), transaction type (N/F/S + 3), customer reference [//bank reference]
// [newline supplementary details]. `field` is the tag's lines joined by '\n'.
struct StatementLine {
    QDate valueDate;
    QDate entryDate;    // valueDate when the line has none
    bool debit = false; // D and RC (a reversed credit) take money out
    QByteArray amount;  // as written, comma decimal mark
    QByteArray type;
    QByteArray customerReference;
    QByteArray bankReference;
    QByteArray supplementary;
};
model::Result<StatementLine> parseStatementLine(QByteArrayView field);

// :60F: / :62F: / :64: and friends: mark C or D, date YYMMDD, currency, amount.
struct Balance {
    bool debit = false;
    QDate date;
    QString currency;
    QByteArray amount;
};
model::Result<Balance> parseBalance(QByteArrayView field);

// :25: "BLZ/account", an IBAN or "1291.99.348EUR": the id and a trailing ISO currency when there is one.
struct AccountField {
    QString id;
    QString currency;
};
AccountField parseAccount(QByteArrayView field);

// YYMMDD (years 00-79 are 20xx, 80-99 19xx); nullopt for anything else, 30 February included.
std::optional<QDate> swiftDate(QByteArrayView yymmdd);

// The entry date MMDD of a line valued on `value`, in the year that puts it nearest to the value
// date (an entry on 0102 of a line valued 31 December is in the next year).
QDate entryDateNear(const QDate& value, int month, int day);

} // namespace coffer::importers::mt940
