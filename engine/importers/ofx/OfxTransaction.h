#pragma once

#include "importers/ofx/OfxTags.h"
#include "importers/ofx/OfxText.h"
#include "providers/Connector.h"

#include <QByteArray>

#include <variant>

namespace coffer::importers::ofx {

// One <STMTTRN> as it is read: its values kept as the file's bytes (buffers reused from record to
// record), decoded only when the record is complete.
class OfxTransaction {
public:
    // Where the record goes and what its amounts are in.
    struct Context {
        QString accountId;
        QString currency; // the statement's (CURDEF, or the one the user chose); may be empty
        OfxTextDecoder text;
    };

    void reset(qint64 line);
    // A value in the record, or in its PAYEE, CURRENCY or ORIGCURRENCY (`parent` tells).
    void set(OfxTag tag, OfxTag parent, QByteArrayView value, qint64 line);
    // <CURRENCY> or <ORIGCURRENCY> opens in the record.
    void beginCurrency(OfxTag which, qint64 line);

    qint64 line() const { return m_line; }
    // True when the record names its own currency (CURRENCY/CURSYM): it needs no CURDEF.
    bool hasOwnCurrency() const { return m_currencyKind == OfxTag::Currency && !m_symbol.bytes.isEmpty(); }

    // The transaction (with `problem` set when a value is missing or unreadable: "line N: ..."),
    // or, for CORRECTACTION DELETE, the removal of the transaction it corrects.
    std::variant<providers::ProviderTransaction, providers::RemovedTransaction> build(const Context& context,
                                                                                      QByteArray raw) const;

private:
    struct Field {
        QByteArray bytes;
        qint64 line = 0;
        bool present = false;
    };
    static void store(Field& field, QByteArrayView value, qint64 line);

    qint64 m_line = 0;
    Field m_posted;
    Field m_user;
    Field m_amount;
    Field m_fitId;
    Field m_correctFitId;
    Field m_correctAction;
    Field m_checkNumber;
    Field m_reference;
    Field m_name;
    Field m_payeeName;
    Field m_memo;
    Field m_rate;
    Field m_symbol;
    OfxTag m_currencyKind = OfxTag::Unknown; // Currency, OriginalCurrency, or Unknown (none)
    qint64 m_currencyLine = 0;
};

} // namespace coffer::importers::ofx
