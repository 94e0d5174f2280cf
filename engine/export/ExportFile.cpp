#include "export/ExportFile.h"

#include <QDir>
#include <QFileInfo>

namespace coffer::exporting {

using model::Error;
using model::Status;

namespace {

// Calls onPage for each page of source until it is exhausted; stops at the first error.
Status forEachPage(const RowPageSource& source, int pageSize,
                   const std::function<Status(const QList<store::TransactionRow>&)>& onPage)
{
    store::ListPosition after;
    while (true) {
        auto page = source(after, pageSize);
        if (!page.ok())
            return page.error();
        const QList<store::TransactionRow>& rows = page.value();
        if (rows.isEmpty())
            return model::Ok{};
        if (auto done = onPage(rows); !done.ok())
            return done;
        if (rows.size() < pageSize)
            return model::Ok{};
        const model::Transaction& last = rows.constLast().transaction;
        after = store::ListPosition{last.bookedOn, last.id};
    }
}

} // namespace

ExportFile::ExportFile(const QString& path)
    : m_path(QFileInfo(path).absoluteFilePath())
    , m_file(m_path)
{
}

ExportFile::~ExportFile()
{
    if (m_file.isOpen())
        m_file.cancelWriting();
}

Status ExportFile::open()
{
    if (QFileInfo(m_path).isDir())
        return failure(QStringLiteral("it is a folder"));
    if (!QFileInfo(m_path).absoluteDir().exists())
        return failure(QStringLiteral("the folder %1 does not exist")
                           .arg(QDir::toNativeSeparators(QFileInfo(m_path).absolutePath())));
    if (!m_file.open(QIODevice::WriteOnly))
        return failure(m_file.errorString());
    return model::Ok{};
}

void ExportFile::write(const QByteArray& bytes)
{
    if (failed())
        return;
    if (m_file.write(bytes) != bytes.size())
        m_error = m_file.errorString();
}

Status ExportFile::commit()
{
    if (!failed() && m_file.error() != QFileDevice::NoError)
        m_error = m_file.errorString();
    if (failed()) {
        m_file.cancelWriting();
        return failure(m_error);
    }
    if (!m_file.commit())
        return failure(m_file.errorString());
    return model::Ok{};
}

Status ExportFile::written() const
{
    if (failed())
        return failure(m_error);
    if (m_file.error() != QFileDevice::NoError) // a writer streaming through device()
        return failure(m_file.errorString());
    return model::Ok{};
}

model::Result<qint64> ExportFile::writeRows(const RowPageSource& source, int pageSize,
                                            const std::function<QByteArray(const store::TransactionRow&)>& render)
{
    qint64 count = 0;
    const auto streamed = forEachPage(source, pageSize, [&](const QList<store::TransactionRow>& rows) -> Status {
        QByteArray chunk;
        for (const store::TransactionRow& row : rows)
            chunk += render(row);
        write(chunk);
        count += rows.size();
        return written();
    });
    if (!streamed.ok())
        return streamed.error();
    return count;
}

Error ExportFile::abandon(const Error& cause)
{
    if (m_file.isOpen())
        m_file.cancelWriting();
    if (failed())
        return failure(m_error);
    Error e = cause;
    e.userMessage = QStringLiteral("%1 was not written: %2").arg(QDir::toNativeSeparators(m_path), cause.userMessage);
    return e;
}

Error ExportFile::failure(const QString& reason) const
{
    QString why = reason.isEmpty() ? QStringLiteral("unknown error") : reason;
    if (why.endsWith(u'.'))
        why.chop(1);
    QString message = QStringLiteral("Could not write %1: %2.").arg(QDir::toNativeSeparators(m_path), why);
    if (QFileInfo(m_path).isFile())
        message += QStringLiteral(" The file that was there is unchanged.");
    return Error::storage(message);
}

} // namespace coffer::exporting
