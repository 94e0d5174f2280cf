#include "importers/csv/CsvHeaderNames.h"

#include <QStringList>

#include <array>

namespace coffer::importers::csv {

namespace {

struct RoleNames {
    CsvRole role;
    QStringList exact;    // the whole (folded) header
    QStringList contains; // a word or words inside it
};

// In the order names inside longer headers are tried: "Debit Amount" is a debit, not an amount;
// "Saldo" and "Balance" are never amounts; "Value Date" is not the booking date.
const std::array<RoleNames, 13>& roles()
{
    static const std::array<RoleNames, 13> table = {{
        {CsvRole::Balance,
         {QStringLiteral("balance"), QStringLiteral("saldo"), QStringLiteral("kontostand"), QStringLiteral("solde")},
         {QStringLiteral("balance"), QStringLiteral("saldo"), QStringLiteral("kontostand"), QStringLiteral("solde"),
          QStringLiteral("running bal")}},
        {CsvRole::Direction,
         {QStringLiteral("af bij"), QStringLiteral("debit credit"), QStringLiteral("credit debit"),
          QStringLiteral("soll haben"), QStringLiteral("s h"), QStringLiteral("dr cr"), QStringLiteral("cr dr"),
          QStringLiteral("type"), QStringLiteral("transaction type"), QStringLiteral("details"), QStringLiteral("d c"),
          QStringLiteral("c d"), QStringLiteral("sens"), QStringLiteral("richtung"),
          QStringLiteral("debit credit indicator"), QStringLiteral("credit debit indicator")},
         {QStringLiteral("debit credit"), QStringLiteral("credit debit"), QStringLiteral("soll haben"),
          QStringLiteral("af bij")}},
        {CsvRole::ValueDate,
         {QStringLiteral("valuta"), QStringLiteral("valutadatum"), QStringLiteral("wertstellung"),
          QStringLiteral("rentedatum"), QStringLiteral("value date"), QStringLiteral("date de valeur"),
          QStringLiteral("date valeur"), QStringLiteral("fecha valor")},
         {QStringLiteral("value date"), QStringLiteral("valuta"), QStringLiteral("wertstellung"),
          QStringLiteral("date de valeur"), QStringLiteral("date valeur"), QStringLiteral("fecha valor")}},
        {CsvRole::CheckNumber,
         {QStringLiteral("check"), QStringLiteral("cheque"), QStringLiteral("scheck"), QStringLiteral("check no"),
          QStringLiteral("check number"), QStringLiteral("cheque number"), QStringLiteral("cheque no"),
          QStringLiteral("schecknummer"), QStringLiteral("numero de cheque"), QStringLiteral("check or slip")},
         {QStringLiteral("check number"), QStringLiteral("cheque number"), QStringLiteral("check or slip"),
          QStringLiteral("check no"), QStringLiteral("cheque no"), QStringLiteral("numero de cheque")}},
        {CsvRole::Date,
         {QStringLiteral("date"), QStringLiteral("datum"), QStringLiteral("fecha"), QStringLiteral("buchungstag"),
          QStringLiteral("buchungsdatum"), QStringLiteral("boekdatum"), QStringLiteral("transactiedatum"),
          QStringLiteral("data"), QStringLiteral("date d operation"), QStringLiteral("date operation"),
          QStringLiteral("fecha operacion")},
         {QStringLiteral("date"), QStringLiteral("datum"), QStringLiteral("fecha"), QStringLiteral("buchungstag")}},
        {CsvRole::Debit,
         {QStringLiteral("debit"), QStringLiteral("soll"), QStringLiteral("af"), QStringLiteral("debe"),
          QStringLiteral("cargo"), QStringLiteral("cargos"), QStringLiteral("withdrawal"),
          QStringLiteral("withdrawals"), QStringLiteral("paid out"), QStringLiteral("money out"),
          QStringLiteral("ausgang"), QStringLiteral("ausgaben")},
         {QStringLiteral("debit"), QStringLiteral("withdrawal"), QStringLiteral("paid out"),
          QStringLiteral("money out"), QStringLiteral("soll")}},
        {CsvRole::Credit,
         {QStringLiteral("credit"), QStringLiteral("haben"), QStringLiteral("bij"), QStringLiteral("haber"),
          QStringLiteral("abono"), QStringLiteral("abonos"), QStringLiteral("deposit"), QStringLiteral("deposits"),
          QStringLiteral("paid in"), QStringLiteral("money in"), QStringLiteral("eingang"),
          QStringLiteral("einnahmen")},
         {QStringLiteral("credit"), QStringLiteral("deposit"), QStringLiteral("paid in"), QStringLiteral("money in"),
          QStringLiteral("haben")}},
        {CsvRole::Amount,
         {QStringLiteral("amount"), QStringLiteral("betrag"), QStringLiteral("montant"), QStringLiteral("bedrag"),
          QStringLiteral("importe"), QStringLiteral("umsatz"), QStringLiteral("sum"), QStringLiteral("value")},
         {QStringLiteral("amount"), QStringLiteral("betrag"), QStringLiteral("montant"), QStringLiteral("bedrag"),
          QStringLiteral("importe"), QStringLiteral("umsatz")}},
        {CsvRole::Currency,
         {QStringLiteral("currency"), QStringLiteral("wahrung"), QStringLiteral("waehrung"), QStringLiteral("devise"),
          QStringLiteral("munt"), QStringLiteral("moneda"), QStringLiteral("divisa"), QStringLiteral("ccy"),
          QStringLiteral("curr")},
         {QStringLiteral("currency"), QStringLiteral("wahrung"), QStringLiteral("waehrung"), QStringLiteral("devise")}},
        {CsvRole::Reference,
         {QStringLiteral("reference"), QStringLiteral("referenz"), QStringLiteral("ref"), QStringLiteral("referentie"),
          QStringLiteral("referencia"), QStringLiteral("transaction id"), QStringLiteral("id"), QStringLiteral("fitid"),
          QStringLiteral("kundenreferenz"), QStringLiteral("betalingskenmerk"), QStringLiteral("numero de reference")},
         {QStringLiteral("reference"), QStringLiteral("referenz"), QStringLiteral("referentie"),
          QStringLiteral("referencia"), QStringLiteral("transaction id")}},
        {CsvRole::Counterparty,
         {QStringLiteral("payee"), QStringLiteral("payer"), QStringLiteral("name"), QStringLiteral("naam"),
          QStringLiteral("empfanger"), QStringLiteral("empfaenger"), QStringLiteral("auftraggeber"),
          QStringLiteral("beguenstigter"), QStringLiteral("begunstigter"), QStringLiteral("zahlungspflichtiger"),
          QStringLiteral("merchant"), QStringLiteral("counterparty"), QStringLiteral("beneficiaire"),
          QStringLiteral("tiers"), QStringLiteral("beneficiario"), QStringLiteral("ordenante"),
          QStringLiteral("gegenpartei")},
         {QStringLiteral("payee"), QStringLiteral("empfanger"), QStringLiteral("empfaenger"),
          QStringLiteral("auftraggeber"), QStringLiteral("beguenstigter"), QStringLiteral("begunstigter"),
          QStringLiteral("zahlungspflichtiger"), QStringLiteral("counterparty"), QStringLiteral("beneficiaire"),
          QStringLiteral("merchant")}},
        {CsvRole::Description,
         {QStringLiteral("description"), QStringLiteral("verwendungszweck"), QStringLiteral("libelle"),
          QStringLiteral("omschrijving"), QStringLiteral("concepto"), QStringLiteral("descripcion"),
          QStringLiteral("narrative"), QStringLiteral("purpose"), QStringLiteral("text"),
          QStringLiteral("naam omschrijving"), QStringLiteral("libelle operation")},
         {QStringLiteral("description"), QStringLiteral("verwendungszweck"), QStringLiteral("libelle"),
          QStringLiteral("omschrijving"), QStringLiteral("concepto"), QStringLiteral("narrative")}},
        {CsvRole::Memo,
         {QStringLiteral("memo"), QStringLiteral("notes"), QStringLiteral("note"), QStringLiteral("buchungstext"),
          QStringLiteral("mededelingen"), QStringLiteral("remarque"), QStringLiteral("observaciones")},
         {QStringLiteral("memo"), QStringLiteral("buchungstext"), QStringLiteral("mededelingen")}},
    }};
    return table;
}

bool containsWords(const QString& folded, const QString& words)
{
    qsizetype from = 0;
    while ((from = folded.indexOf(words, from)) >= 0) {
        const qsizetype end = from + words.size();
        if ((from == 0 || folded[from - 1] == u' ') && (end == folded.size() || folded[end] == u' '))
            return true;
        ++from;
    }
    return false;
}

} // namespace

QString foldedName(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(c.isLetterOrNumber() ? c.toLower() : QChar(u' '));
    }
    return out.simplified();
}

CsvRole roleForHeader(const QString& header)
{
    const QString folded = foldedName(header);
    if (folded.isEmpty())
        return CsvRole::None;
    for (const RoleNames& names : roles()) {
        if (names.exact.contains(folded))
            return names.role;
    }
    for (const RoleNames& names : roles()) {
        for (const QString& words : names.contains) {
            if (containsWords(folded, words))
                return names.role;
        }
    }
    return CsvRole::None;
}

} // namespace coffer::importers::csv
