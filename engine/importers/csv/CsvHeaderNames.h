#pragma once

#include <QString>

namespace coffer::importers::csv {

// What a column is for, as its header names it.
enum class CsvRole {
    None,
    Date,
    ValueDate,
    Amount,
    Debit,
    Credit,
    Direction, // says whether the row is money in or out (DR/CR, S/H, Af/Bij)
    Description,
    Memo, // text that goes after the description (Buchungstext, Memo, Notes)
    Counterparty,
    Reference,
    CheckNumber,
    Currency,
    Balance, // a running balance: never the amount
};

// The role a header names, in English, German, French, Dutch or Spanish, ignoring case, accents
// and punctuation ("Date d'opération", "Empfänger", "Betrag (EUR)"); None when it names nothing
// Coffer uses. Whole names are tried first, then names inside longer ones ("Transaction Date").
CsvRole roleForHeader(const QString& header);

// Folds a cell for comparison: lower case, accents dropped, punctuation as spaces, spaces simplified.
QString foldedName(const QString& text);

} // namespace coffer::importers::csv
