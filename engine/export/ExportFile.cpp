#include "export/ExportFile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>

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

// Why a write failed: Qt's words, or the system's ("No space left on device") where Qt has none.
QString writeFailure(int code, const QSaveFile& file)
{
    const QString qt = file.errorString();
    if (code == 0 || (!qt.isEmpty() && qt != u"Unknown error"))
        return qt;
    return qt_error_string(code);
}

constexpr qsizetype kChunkBytes = 256 * 1024;

} // namespace

// Gathers the many small writes of a QXmlStreamWriter into chunks for ExportFile::write.
class ChunkingDevice : public QIODevice {
public:
    explicit ChunkingDevice(ExportFile& file)
        : m_file(file)
    {
        QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    void flush()
    {
        if (!m_chunk.isEmpty())
            m_file.write(m_chunk);
        m_chunk.clear();
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 length) override
    {
        if (m_file.failed())
            return -1;
        m_chunk.append(data, length);
        if (m_chunk.size() >= kChunkBytes)
            flush();
        return length;
    }

private:
    ExportFile& m_file;
    QByteArray m_chunk;
};

model::Result<ExportSummary> ExportFile::writeAll(const QString& path, const QString& head, const RowPageSource& source,
                                                  const RowRenderer& render, qsizetype accounts, int pageSize)
{
    ExportFile file(path);
    if (auto opened = file.open(); !opened.ok())
        return opened.error();
    file.write(head);
    const auto written = file.writeRows(source, pageSize, render);
    if (!written.ok())
        return file.abandon(written.error());
    if (auto done = file.commit(); !done.ok())
        return done.error();
    ExportSummary summary;
    summary.path = file.path();
    summary.transactions = written.value();
    summary.accounts = int(accounts);
    return summary;
}

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
    // Unbuffered: every write is one system call with its own error, and the writers already
    // hand over whole pages.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failure(m_file.errorString());
    return model::Ok{};
}

void ExportFile::write(const QByteArray& bytes)
{
    if (failed())
        return;
    errno = 0;
    if (m_file.write(bytes) != bytes.size())
        m_error = writeFailure(errno, m_file);
}

QIODevice* ExportFile::device()
{
    if (!m_device)
        m_device = std::make_unique<ChunkingDevice>(*this);
    return m_device.get();
}

void ExportFile::flushDevice()
{
    if (m_device)
        m_device->flush();
}

Status ExportFile::commit()
{
    flushDevice();
    if (failed()) {
        m_file.cancelWriting();
        return failure(m_error);
    }
    errno = 0;
    if (!m_file.commit())
        return failure(writeFailure(errno, m_file));
    return model::Ok{};
}

Status ExportFile::written()
{
    flushDevice();
    if (failed())
        return failure(m_error);
    return model::Ok{};
}

model::Result<qint64> ExportFile::writeRows(const RowPageSource& source, int pageSize, const RowRenderer& render)
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
