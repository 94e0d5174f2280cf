// Header names in the languages banks export in.

#include "importers/csv/CsvHeaderNames.h"

#include <QList>

#include <gtest/gtest.h>

using coffer::importers::csv::CsvRole;
using coffer::importers::csv::roleForHeader;

TEST(CsvHeaderNames, NamesInFiveLanguages)
{
    const QList<std::pair<const char*, CsvRole>> cases = {{"Date", CsvRole::Date},
                                                          {"Datum", CsvRole::Date},
                                                          {"Buchungstag", CsvRole::Date},
                                                          {"Date d'opération", CsvRole::Date},
                                                          {"Fecha", CsvRole::Date},
                                                          {"Transaction Date", CsvRole::Date},
                                                          {"Valuta", CsvRole::ValueDate},
                                                          {"Valutadatum", CsvRole::ValueDate},
                                                          {"Value Date", CsvRole::ValueDate},
                                                          {"Amount", CsvRole::Amount},
                                                          {"Betrag", CsvRole::Amount},
                                                          {"Montant", CsvRole::Amount},
                                                          {"Bedrag (EUR)", CsvRole::Amount},
                                                          {"Importe", CsvRole::Amount},
                                                          {"Debit", CsvRole::Debit},
                                                          {"Soll", CsvRole::Debit},
                                                          {"Débit", CsvRole::Debit},
                                                          {"Af", CsvRole::Debit},
                                                          {"Debit Amount", CsvRole::Debit},
                                                          {"Paid out", CsvRole::Debit},
                                                          {"Credit", CsvRole::Credit},
                                                          {"Haben", CsvRole::Credit},
                                                          {"Crédit", CsvRole::Credit},
                                                          {"Bij", CsvRole::Credit},
                                                          {"Af Bij", CsvRole::Direction},
                                                          {"S/H", CsvRole::Direction},
                                                          {"Type", CsvRole::Direction},
                                                          {"Description", CsvRole::Description},
                                                          {"Verwendungszweck", CsvRole::Description},
                                                          {"Libellé", CsvRole::Description},
                                                          {"Omschrijving", CsvRole::Description},
                                                          {"Concepto", CsvRole::Description},
                                                          {"Payee", CsvRole::Counterparty},
                                                          {"Empfänger", CsvRole::Counterparty},
                                                          {"Name", CsvRole::Counterparty},
                                                          {"Auftraggeber", CsvRole::Counterparty},
                                                          {"Beguenstigter/Zahlungspflichtiger", CsvRole::Counterparty},
                                                          {"Reference", CsvRole::Reference},
                                                          {"Referenz", CsvRole::Reference},
                                                          {"Transaction ID", CsvRole::Reference},
                                                          {"Check or Slip #", CsvRole::CheckNumber},
                                                          {"Currency", CsvRole::Currency},
                                                          {"Währung", CsvRole::Currency},
                                                          {"Balance", CsvRole::Balance},
                                                          {"Saldo", CsvRole::Balance},
                                                          {"Kontostand", CsvRole::Balance},
                                                          {"Running Bal.", CsvRole::Balance},
                                                          {"Buchungstext", CsvRole::Memo},
                                                          {"Memo", CsvRole::Memo},
                                                          {"Category", CsvRole::None},
                                                          {"", CsvRole::None}};
    for (const auto& [header, role] : cases)
        EXPECT_EQ(roleForHeader(QString::fromUtf8(header)), role) << header;
}
