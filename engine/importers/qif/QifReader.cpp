#include "importers/qif/QifReader.h"

#include "importers/text/ByteStream.h"
#include "importers/text/Charset.h"

namespace coffer::importers::qif {

using model::Error;
using model::Ok;
using model::Status;

namespace {

// The field codes of transaction records (and of the records before any header, which are
// misplaced ones): what tells a QIF file without its header from something else entirely.
bool isFieldCode(char c)
{
    return QByteArrayView("DTUCNPMALSE$%FX").contains(c);
}

QString shownHeader(QByteArrayView text)
{
    const QByteArrayView shown = text.first(qMin<qsizetype>(text.size(), 40)).trimmed();
    return QString::fromLatin1(shown);
}

} // namespace

QifReader::QifReader(text::ByteStream& in)
    : m_in(in)
{
}

Status QifReader::read()
{
    QByteArray line;
    for (bool first = true;; first = false) {
        const qint64 number = m_in.lineNumber();
        if (!m_in.readLine(line))
            break;
        QByteArrayView text(line);
        if (first) {
            const text::Bom bom = text::detectBom(text);
            if (bom.charset && *bom.charset != text::Charset::Utf8)
                return Error::invalidData(
                    QStringLiteral("line 1: the file is UTF-16; Coffer reads QIF files in UTF-8 or Windows-1252"));
            text = text.sliced(bom.length);
        }
        if (const Status s = onLine(text, number); !s.ok())
            return s;
    }
    if (m_in.error())
        return *m_in.error();
    endEntry();
    return Ok{};
}

Status QifReader::onLine(QByteArrayView text, qint64 line)
{
    if (text.contains('\0'))
        return Error::invalidData(QStringLiteral("line %1: binary data: this is not a QIF file").arg(line));
    if (m_utf8 && !text::isValidUtf8(text))
        m_utf8 = false;
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    if (text.trimmed().isEmpty()) {
        // Kept inside a held record, so its lines can still be counted from the first.
        return m_holding ? appendToRecord({}, line) : Status(Ok{});
    }
    m_sawContent = true;
    if (!m_block && text.front() == '#')
        return Ok{}; // a comment some writers put above the first header (quiffen's test files)
    if (text.front() == '!') {
        endEntry(); // a record the header cuts off without its ^ still counts
        onHeader(text, line);
        return Ok{};
    }
    if (text.front() == '^') {
        endEntry();
        return Ok{};
    }
    return onField(text, line);
}

void QifReader::onHeader(QByteArrayView text, qint64 line)
{
    const QifHeader header = headerOf(text);
    m_skipping = -1;
    switch (header.kind) {
    case BlockKind::Option:
        return; // !Option:AutoSwitch and !Clear:AutoSwitch frame an account list: the !Account says it
    case BlockKind::Transactions:
        if (m_account >= 0) {
            if (!m_accounts[m_account].kind)
                m_accounts[m_account].kind = header.accountKind;
        } else if (!m_unnamedKind) {
            m_unnamedKind = header.accountKind;
        }
        break;
    case BlockKind::Investment:
    case BlockKind::List:
        noteSkipped(header, text, line);
        break;
    case BlockKind::Unknown:
        m_unknownHeader = shownHeader(text);
        break;
    case BlockKind::Accounts:
        break;
    }
    m_block = header.kind;
}

void QifReader::noteSkipped(const QifHeader& header, QByteArrayView text, qint64 line)
{
    for (qsizetype i = 0; i < m_skipped.size(); ++i) {
        if (m_skipped[i].what == header.what) {
            m_skipping = int(i);
            return;
        }
    }
    m_skipped.append({header.what, shownHeader(text), line, 0});
    m_skipping = int(m_skipped.size() - 1);
}

Status QifReader::onField(QByteArrayView text, qint64 line)
{
    const char code = text.front();
    if (!m_block) {
        if (!isFieldCode(code))
            return Error::invalidData(
                QStringLiteral("line %1: this is not a QIF file (it should start with a header such as !Type:Bank)")
                    .arg(line));
        if (!m_inEntry)
            m_record.problem =
                QStringLiteral("line %1: a record before any !Type: header; which account it belongs to is unknown")
                    .arg(line);
        return appendToRecord(text, line);
    }
    switch (*m_block) {
    case BlockKind::Transactions:
    case BlockKind::Unknown:
        if (!m_inEntry && *m_block == BlockKind::Unknown)
            m_record.problem = QStringLiteral("line %1: a record under \"%2\", which is not a QIF transaction header")
                                   .arg(line)
                                   .arg(m_unknownHeader);
        if (const Status s = appendToRecord(text, line); !s.ok() || *m_block == BlockKind::Unknown)
            return s; // an unknown block's records are not imported: their dates and amounts say nothing
        if (code == 'D' && !m_recordDated) { // the record's date is its first D
            const QByteArrayView value = text.sliced(1).trimmed();
            m_conventions.noteDate(line, value, scanDate(value));
            m_recordDated = true;
        } else if (code == 'T' || code == 'U' || code == '$') {
            m_conventions.noteAmount(text.sliced(1).trimmed());
        }
        return Ok{};
    case BlockKind::Accounts:
        m_inEntry = true;
        if (code == 'N')
            m_accountEntry.name = text.sliced(1).trimmed().toByteArray();
        else if (code == 'D')
            m_accountEntry.description = text.sliced(1).trimmed().toByteArray();
        else if (code == 'T')
            m_accountEntry.kind = accountKindOf(text.sliced(1));
        return Ok{};
    case BlockKind::Investment:
    case BlockKind::List:
        if (!m_inEntry && m_skipping >= 0)
            ++m_skipped[m_skipping].entries;
        m_inEntry = true;
        return Ok{};
    case BlockKind::Option:
        break;
    }
    return Ok{};
}

Status QifReader::appendToRecord(QByteArrayView text, qint64 line)
{
    if (!m_inEntry) {
        m_inEntry = true;
        m_record.firstLine = line;
        m_record.account = m_account;
        m_record.offset = m_held.size();
        m_holding = true;
        m_recordDated = false;
    } else {
        m_held.append('\n');
    }
    m_held.append(text);
    if (m_held.size() - m_record.offset > text::ByteStream::kMaxRecordBytes)
        return Error::invalidData(QStringLiteral("line %1: a record longer than %2 MiB (no ^ ends it)")
                                      .arg(line)
                                      .arg(text::ByteStream::kMaxRecordBytes / (1024 * 1024)));
    if (m_held.size() > kMaxHeldBytes)
        return Error::invalidData(QStringLiteral("line %1: the file holds more than %2 MiB of transactions, more "
                                                 "than Coffer reads at once; split it into smaller files")
                                      .arg(line)
                                      .arg(kMaxHeldBytes / (1024 * 1024)));
    return Ok{};
}

void QifReader::endEntry()
{
    if (!m_inEntry)
        return;
    m_inEntry = false;
    if (m_holding) {
        m_holding = false;
        m_record.size = m_held.size() - m_record.offset;
        m_records.append(std::move(m_record));
        m_record = {};
        return;
    }
    if (m_block == BlockKind::Accounts) {
        const QifAccount entry = std::exchange(m_accountEntry, {});
        if (entry.name.isEmpty()) {
            m_account = -1; // an account without a name: the file's unnamed one
            return;
        }
        const auto known = m_accountByName.constFind(entry.name);
        if (known != m_accountByName.cend()) {
            m_account = *known;
            return;
        }
        m_account = int(m_accounts.size());
        m_accountByName.insert(entry.name, m_account);
        m_accounts.append(entry);
    }
}

} // namespace coffer::importers::qif
