#include "importers/mt940/Mt940Parser.h"

#include "importers/RecordId.h"
#include "importers/mt940/Mt940Entry.h"
#include "importers/mt940/Mt940Fields.h"
#include "importers/text/ByteStream.h"
#include "importers/text/Charset.h"
#include "importers/text/Decimal.h"
#include "model/Currency.h"

namespace coffer::importers::mt940 {

using model::Error;

namespace {

constexpr qsizetype kMaxField = 64 * 1024; // a :86: has at most 6 x 65 characters; banks stretch that

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// ":61:", ":60F:", ":NS:": the tag's name, or empty when the line does not start with one.
QByteArray tagOf(const QByteArray& line)
{
    if (line.size() < 4 || line[0] != ':')
        return {};
    qsizetype end = 0;
    if (isDigit(line[1]) && isDigit(line[2]))
        end = line[3] == ':' ? 3 : (line.size() > 4 && line[3] >= 'A' && line[3] <= 'Z' && line[4] == ':' ? 4 : 0);
    else if (line.startsWith(":NS:"))
        end = 3;
    return end ? line.mid(1, end - 1) : QByteArray();
}

// "-", "-}" (end of a SWIFT block 4) and ING's "-XXX" end a statement; a wrapped text line that
// happens to start with '-' does not.
bool isSeparator(const QByteArray& line)
{
    const QByteArray t = line.trimmed();
    if (t.isEmpty() || t[0] != '-')
        return false;
    if (t.size() == 1 || t[1] == '}')
        return true;
    for (qsizetype i = 1; i < t.size(); ++i)
        if (t[i] < 'A' || t[i] > 'Z')
            return false;
    return true;
}

class Reader {
public:
    Reader(QIODevice& in, const ParseOptions& options, StatementSink& sink)
        : m_in(in)
        , m_options(options)
        , m_sink(sink)
    {
    }

    model::Status run();

private:
    void fail(qint64 line, const QString& what)
    {
        if (!m_error)
            m_error = Error::invalidData(QStringLiteral("line %1: %2").arg(line).arg(what));
    }
    void handle(QByteArray line);
    void envelope(const QByteArray& line);
    void finishTag();
    void balance(bool ledger);
    void beginStatement();
    void endStatement();
    void ensureStatement()
    {
        if (!m_inStatement)
            beginStatement();
    }
    void finishEntry();
    void sendAccount();

    text::ByteStream m_in;
    const ParseOptions& m_options;
    StatementSink& m_sink;
    std::optional<Error> m_error;
    RecordIdMaker m_ids;
    text::Charset m_charset = text::Charset::Utf8;
    qint64 m_line = 0;
    bool m_brokenTag = false; // a line holding only ':' (Sparkassen): the tag goes on below

    QByteArray m_tag; // the tag being read ("61"), its text so far and the line it began on
    QByteArray m_field;
    qint64 m_tagLine = 0;

    bool m_inStatement = false;
    bool m_interim = false;      // MT942: its transactions are pending
    bool m_envelope942 = false;  // the SWIFT block 2 says 942
    bool m_sawStatement = false; // any :20:, :25:, :60x: or :61: at all
    StatementAccount m_account;
    bool m_accountSent = false;
    bool m_balanceUnsent = false;
    std::optional<Entry> m_entry; // the :61: being read, until the next tag that is not :86:
};

model::Status Reader::run()
{
    QByteArray line;
    while (!m_error && m_in.readLine(line)) {
        ++m_line;
        if (m_line == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        handle(line);
    }
    if (m_in.error())
        return *m_in.error();
    if (!m_error) {
        finishTag();
        endStatement();
    }
    if (m_error)
        return *m_error;
    if (!m_sawStatement) {
        return Error::invalidData(QStringLiteral("line %1: this is not an MT940 statement: no :20:, :25:, :60F: or "
                                                 ":61: tag was found")
                                      .arg(qMax<qint64>(m_line, 1)));
    }
    return model::Ok{};
}

void Reader::handle(QByteArray line)
{
    if (m_brokenTag) {
        m_brokenTag = false;
        line.prepend(':');
    }
    if (line.trimmed() == ":") {
        m_brokenTag = true;
        return;
    }
    if (line.startsWith('{') || isSeparator(line)) {
        if (line.startsWith('-')) {
            finishTag();
            endStatement();
        }
        return envelope(line);
    }
    const QByteArray tag = tagOf(line);
    if (!tag.isEmpty()) {
        finishTag();
        m_tag = tag;
        m_field = line.mid(tag.size() + 2);
        m_tagLine = m_line;
        return;
    }
    // A line that is no tag continues the tag before it where that tag has several lines; blank
    // lines, header lines before the first tag and text after single-line tags are ignored.
    if (line.trimmed().isEmpty() || (m_tag != "61" && m_tag != "86"))
        return;
    if (m_field.size() + line.size() > kMaxField)
        return fail(m_line, QStringLiteral("the :%1: field is longer than %2 KiB")
                                .arg(QString::fromLatin1(m_tag))
                                .arg(kMaxField / 1024));
    m_field += '\n';
    m_field += line;
}

void Reader::envelope(const QByteArray& line)
{
    const qsizetype block2 = line.indexOf("{2:");
    if (block2 >= 0)
        m_envelope942 = line.mid(block2 + 4, 3) == "942";
    // The text after the last "{4:" is the message's first line (the last: so that this recurses once).
    const qsizetype block4 = line.lastIndexOf("{4:");
    if (block4 >= 0 && block4 + 3 < line.size())
        handle(line.mid(block4 + 3));
}

void Reader::finishTag()
{
    if (m_tag.isEmpty() || m_error)
        return;
    const QByteArray tag = std::exchange(m_tag, {});
    if (tag != "86")
        finishEntry();
    if (tag == "20") {
        endStatement();
        beginStatement();
    } else if (tag == "25") {
        ensureStatement();
        const AccountField account = parseAccount(m_field);
        m_account.id = account.id;
        if (!account.currency.isEmpty())
            m_account.currency = account.currency;
    } else if (tag.startsWith("60")) {
        ensureStatement();
        const auto opening = parseBalance(m_field);
        if (!opening)
            return fail(m_tagLine, QStringLiteral("the opening balance :%1: %2")
                                       .arg(QString::fromLatin1(tag), opening.error().userMessage));
        m_account.currency = opening->currency;
    } else if (tag == "61") {
        ensureStatement();
        m_entry = Entry{m_tagLine, m_field, {}, ":61:" + m_field};
    } else if (tag == "86") {
        if (!m_entry)
            return; // statement information after the balances, not a transaction's
        if (!m_entry->details.isEmpty())
            m_entry->details += '\n'; // Rabobank repeats :86: for each line
        m_entry->details += m_field;
        m_entry->raw += "\n:86:" + m_field;
    } else if (tag.startsWith("62")) {
        balance(true);
    } else if (tag == "64") {
        balance(false);
    } else if (tag == "34F" || tag.startsWith("13")) {
        ensureStatement();
        m_interim = true; // MT942's floor limit and date-time indication
        const QString currency = QString::fromLatin1(m_field.left(3));
        if (tag == "34F" && m_account.currency.isEmpty() && model::currency::isKnownCode(currency))
            m_account.currency = currency;
    }
}

void Reader::balance(bool ledger)
{
    if (!m_inStatement)
        return;
    const auto b = parseBalance(m_field);
    const char* what = ledger ? "closing" : "available";
    if (!b) {
        return m_sink.notice(QStringLiteral("line %1: the %2 balance is not imported: it %3")
                                 .arg(m_tagLine)
                                 .arg(QLatin1String(what), b.error().userMessage));
    }
    const auto minor = text::parseMinorUnits(b->amount, model::currency::exponent(b->currency), {',', 0});
    if (!minor) {
        return m_sink.notice(QStringLiteral("line %1: the %2 balance is not imported: %3")
                                 .arg(m_tagLine)
                                 .arg(QLatin1String(what), minor.error().userMessage));
    }
    std::optional<StatementBalance>& kept = ledger ? m_account.ledgerBalance : m_account.availableBalance;
    if (!kept || kept->asOf <= b->date) {
        kept = StatementBalance{model::Money(b->debit ? -minor.value() : minor.value(), b->currency), b->date};
        m_balanceUnsent = true;
    }
}

void Reader::beginStatement()
{
    m_inStatement = m_sawStatement = true;
    m_account = {};
    m_accountSent = m_balanceUnsent = false;
    m_interim = m_envelope942;
}

void Reader::endStatement()
{
    finishEntry();
    if (m_inStatement && !m_error && ((!m_accountSent && !m_account.id.isEmpty()) || m_balanceUnsent))
        sendAccount();
    m_inStatement = false;
}

void Reader::sendAccount()
{
    m_sink.account(m_account);
    m_accountSent = true;
    m_balanceUnsent = false;
}

void Reader::finishEntry()
{
    if (!m_entry || m_error)
        return;
    Entry entry = std::move(*m_entry);
    m_entry.reset();
    const QString currency = m_account.currency.isEmpty() ? m_options.defaultCurrency : m_account.currency;
    if (currency.isEmpty()) {
        return fail(entry.line, QStringLiteral("the statement names no currency (it has no opening balance :60F:); "
                                               "choose the account's currency"));
    }
    // UTF-8 until a record is not valid UTF-8; Windows-1252 from then on.
    if (m_charset == text::Charset::Utf8 && !text::isValidUtf8(entry.raw))
        m_charset = text::Charset::Windows1252;
    if (!m_accountSent)
        sendAccount();
    m_sink.transaction(toTransaction(std::move(entry), {m_account.id, currency, m_interim, m_charset}, m_ids));
}

} // namespace

model::Status Mt940Parser::parse(QIODevice& in, const ParseOptions& options, StatementSink& sink)
{
    return Reader(in, options, sink).run();
}

} // namespace coffer::importers::mt940
