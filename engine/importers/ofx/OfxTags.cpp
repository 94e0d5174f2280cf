#include "importers/ofx/OfxTags.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <array>

namespace coffer::importers::ofx {

namespace {

QList<QPair<QByteArray, OfxTag>> names()
{
    QList<QPair<QByteArray, OfxTag>> table{
        {"OFX", OfxTag::Ofx},
        {"SONRS", OfxTag::SignOnResponse},
        {"STATUS", OfxTag::Status},
        {"STMTRS", OfxTag::BankStatement},
        {"CCSTMTRS", OfxTag::CardStatement},
        {"INVSTMTRS", OfxTag::InvestmentStatement},
        {"BANKACCTFROM", OfxTag::BankAccountFrom},
        {"CCACCTFROM", OfxTag::CardAccountFrom},
        {"INVACCTFROM", OfxTag::InvestmentAccountFrom},
        {"BANKTRANLIST", OfxTag::BankTransactionList},
        {"INVTRANLIST", OfxTag::InvestmentTransactionList},
        {"INVBANKTRAN", OfxTag::InvestmentBankTransaction},
        {"INVPOSLIST", OfxTag::InvestmentPositionList},
        {"INVOOLIST", OfxTag::OpenOrderList},
        {"STMTTRN", OfxTag::Transaction},
        {"PAYEE", OfxTag::Payee},
        {"CURRENCY", OfxTag::Currency},
        {"ORIGCURRENCY", OfxTag::OriginalCurrency},
        {"LEDGERBAL", OfxTag::LedgerBalance},
        {"AVAILBAL", OfxTag::AvailableBalance},
        {"FI", OfxTag::FinancialInstitution},
        {"STMTTRNRS", OfxTag::StatementResponse},
        {"CCSTMTTRNRS", OfxTag::StatementResponse},
        {"INVSTMTTRNRS", OfxTag::StatementResponse},
        {"CODE", OfxTag::Code},
        {"SEVERITY", OfxTag::Severity},
        {"MESSAGE", OfxTag::Message},
        {"ORG", OfxTag::Org},
        {"CURDEF", OfxTag::DefaultCurrency},
        {"BANKID", OfxTag::BankId},
        {"ACCTID", OfxTag::AccountId},
        {"ACCTTYPE", OfxTag::AccountType},
        {"BROKERID", OfxTag::BrokerId},
        {"TRNTYPE", OfxTag::TransactionType},
        {"DTPOSTED", OfxTag::DatePosted},
        {"DTUSER", OfxTag::DateUser},
        {"TRNAMT", OfxTag::Amount},
        {"FITID", OfxTag::FitId},
        {"CORRECTFITID", OfxTag::CorrectFitId},
        {"CORRECTACTION", OfxTag::CorrectAction},
        {"CHECKNUM", OfxTag::CheckNumber},
        {"REFNUM", OfxTag::ReferenceNumber},
        {"NAME", OfxTag::Name},
        {"MEMO", OfxTag::Memo},
        {"CURRATE", OfxTag::CurrencyRate},
        {"CURSYM", OfxTag::CurrencySymbol},
        {"BALAMT", OfxTag::BalanceAmount},
        {"DTASOF", OfxTag::DateAsOf},
    };
    // Aggregates whose structure is checked (closed, no text in them) though nothing in them is read.
    for (const char* name : {"SIGNONMSGSRSV1", "BANKMSGSRSV1", "CREDITCARDMSGSRSV1", "INVSTMTMSGSRSV1",
                             "SECLISTMSGSRSV1", "SIGNUPMSGSRSV1", "BANKACCTTO", "CCACCTTO", "INVBAL", "BALLIST",
                             "INVTRAN", "INVBUY", "INVSELL", "SECID", "SECLIST", "SECINFO", "INVPOS"})
        table.append({name, OfxTag::OtherAggregate});
    // Values Coffer skips. Listed so that an empty one without a closing tag (legal in OFX 1.x SGML,
    // "<BRANCHID><ACCTID>1") is read as an empty value, not as an aggregate left open.
    for (const char* name : {"DTSERVER",    "USERKEY",       "TSKEYEXPIRE",  "LANGUAGE",      "DTPROFUP",
                             "DTACCTUP",    "FID",           "SESSCOOKIE",   "ACCESSKEY",     "TRNUID",
                             "CLTCOOKIE",   "BRANCHID",      "ACCTKEY",      "DTSTART",       "DTEND",
                             "MKTGINFO",    "DTAVAIL",       "SRVRTID",      "SIC",           "PAYEEID",
                             "EXTDNAME",    "INV401KSOURCE", "ADDR1",        "ADDR2",         "ADDR3",
                             "CITY",        "STATE",         "POSTALCODE",   "COUNTRY",       "PHONE",
                             "DTTRADE",     "DTSETTLE",      "UNITS",        "UNITPRICE",     "COMMISSION",
                             "TAXES",       "FEES",          "LOAD",         "TOTAL",         "SUBACCTSEC",
                             "SUBACCTFUND", "SUBACCTFROM",   "SUBACCTTO",    "BUYTYPE",       "SELLTYPE",
                             "INCOMETYPE",  "UNIQUEID",      "UNIQUEIDTYPE", "HELDINACCT",    "POSTYPE",
                             "MKTVAL",      "DTPRICEASOF",   "AVAILCASH",    "MARGINBALANCE", "SHORTBALANCE",
                             "BUYPOWER",    "DESC",          "BALTYPE",      "VALUE",         "SECNAME",
                             "TICKER",      "FIID",          "RATING",       "STOCKTYPE",     "YIELD",
                             "DTYIELDASOF", "ASSETCLASS",    "FIASSETCLASS", "OPTTYPE",       "STRIKEPRICE",
                             "DTEXPIRE",    "SHPERCTRCT",    "MFTYPE",       "DTPLACED",      "SUBACCT",
                             "DURATION",    "RESTRICTION",   "LIMITPRICE",   "STOPPRICE",     "REINVDIV",
                             "REINVCG",     "TFERACTION",    "OLDUNITS",     "NEWUNITS",      "NUMERATOR",
                             "DENOMINATOR", "FRACCASH",      "OPTACTION",    "ACCRDINT",      "MARKUP",
                             "MARKDOWN",    "WITHHOLDING",   "TAXEXEMPT",    "GAIN",          "STATEWITHHOLDING",
                             "PENALTY",     "RELFITID",      "OPTBUYTYPE",   "OPTSELLTYPE",   "RELTYPE",
                             "SECURED",     "AVGCOSTBASIS",  "SUPTXDL",      "XFERSRC",       "XFERDEST",
                             "SVCSTATUS",   "CHKNUM",        "CATEGORY",     "VALUEDATE"})
        table.append({name, OfxTag::OtherLeaf});
    return table;
}

// Open addressing over an FNV-1a hash: every tag of a file is looked up, and QHash's seeded hash
// of a QByteArray costs more than the rest of reading the tag.
class TagTable {
public:
    TagTable()
    {
        for (const auto& [name, tag] : names()) {
            std::size_t slot = hashOf(name) & kMask;
            while (!m_slots[slot].name.isEmpty())
                slot = (slot + 1) & kMask;
            m_slots[slot] = {name, tag};
        }
    }

    OfxTag find(QByteArrayView name) const
    {
        for (std::size_t slot = hashOf(name) & kMask;; slot = (slot + 1) & kMask) {
            const Slot& s = m_slots[slot];
            if (s.name.isEmpty())
                return OfxTag::Unknown;
            if (QByteArrayView(s.name) == name)
                return s.tag;
        }
    }

private:
    static constexpr std::size_t kSize = 512; // more than twice the names: short probes
    static constexpr std::size_t kMask = kSize - 1;
    struct Slot {
        QByteArray name;
        OfxTag tag = OfxTag::Unknown;
    };
    static std::size_t hashOf(QByteArrayView name)
    {
        quint32 h = 2166136261u;
        for (const char c : name)
            h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return h;
    }
    std::array<Slot, kSize> m_slots;
};

} // namespace

OfxTag tagOf(QByteArrayView upperName)
{
    static const TagTable table;
    if (const OfxTag tag = table.find(upperName); tag != OfxTag::Unknown)
        return tag;
    // Intuit's QFX additions (INTU.BID, INTU.USERID, ...) are values Coffer ignores.
    if (upperName.startsWith("INTU."))
        return OfxTag::OtherLeaf;
    return OfxTag::Unknown;
}

} // namespace coffer::importers::ofx
