#pragma once

#include "importers/qif/QifConventions.h"
#include "importers/qif/QifHeader.h"
#include "importers/qif/QifRecord.h"
#include "model/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace coffer::importers::text {
class ByteStream;
}

namespace coffer::importers::qif {

// An account an !Account record names.
struct QifAccount {
    QByteArray name;                        // N
    QByteArray description;                 // D
    std::optional<model::AccountKind> kind; // its T line, else its first !Type: block's
};

// Lines of a block Coffer does not import (categories, investment actions...), for a notice.
struct QifSkipped {
    QString what;   // "categories"
    QString header; // "!Type:Cat"
    qint64 firstLine = 0;
    int entries = 0;
};

// Reads a QIF file once, front to back, line by line: follows its headers and accounts, holds
// each transaction record's bytes (the file's conventions are only known at the end, see
// QifConventions) and counts what it skips. Structure it cannot read at all (a file that is not
// QIF, binary data, a record without end) stops it with an error starting "line N: "; a record
// that is only misplaced is held with its problem. Thread affinity: the caller's; one parse.
class QifReader {
public:
    static constexpr qsizetype kMaxHeldBytes = 512LL * 1024 * 1024;

    explicit QifReader(text::ByteStream& in);

    model::Status read();

    bool empty() const { return !m_sawContent; }
    // Valid UTF-8 throughout; else the file is Windows-1252 (what Quicken writes on Windows).
    bool utf8() const { return m_utf8; }
    const QList<QifRecord>& records() const { return m_records; }
    QByteArrayView rawOf(const QifRecord& record) const
    {
        return QByteArrayView(m_held).sliced(record.offset, record.size);
    }
    const QList<QifAccount>& accounts() const { return m_accounts; }
    std::optional<model::AccountKind> unnamedAccountKind() const { return m_unnamedKind; }
    const QList<QifSkipped>& skipped() const { return m_skipped; }
    const QifConventions& conventions() const { return m_conventions; }

private:
    model::Status onLine(QByteArrayView text, qint64 line);
    void onHeader(QByteArrayView text, qint64 line);
    model::Status onField(QByteArrayView text, qint64 line);
    model::Status appendToRecord(QByteArrayView text, qint64 line);
    void endEntry();
    void noteSkipped(const QifHeader& header, QByteArrayView text, qint64 line);

    text::ByteStream& m_in;
    std::optional<BlockKind> m_block; // none before the first header
    QString m_unknownHeader;
    bool m_sawContent = false;
    bool m_utf8 = true;
    bool m_inEntry = false; // inside a record (held, account or skipped)
    QifRecord m_record;
    bool m_holding = false;     // m_record is being read
    bool m_recordDated = false; // its first D line was seen (and noted in m_conventions)
    QByteArray m_held;          // the held records' bytes, one after the other
    QList<QifRecord> m_records;
    QifConventions m_conventions;
    QifAccount m_accountEntry;
    QList<QifAccount> m_accounts;
    QHash<QByteArray, int> m_accountByName;
    int m_account = -1;
    std::optional<model::AccountKind> m_unnamedKind;
    int m_skipping = -1; // index into m_skipped of the block being skipped
    QList<QifSkipped> m_skipped;
};

} // namespace coffer::importers::qif
