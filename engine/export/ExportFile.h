#pragma once

#include "export/ExportTypes.h"

#include <QByteArray>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace coffer::exporting {

class ChunkingDevice;

// An output file written atomically: the data goes to a temporary file next to the target,
// which replaces the target only on commit(). Any failure (cannot create, disk full, no
// permission) leaves an existing file untouched and yields an error naming the file and why.
// Thread affinity: one thread at a time.
class ExportFile {
public:
    using RowRenderer = std::function<QByteArray(const store::TransactionRow&)>;

    // A whole text export in one call: head, then every row of source rendered, committed.
    // The summary has the path, the rows written and the accounts given.
    static model::Result<ExportSummary> writeAll(const QString& path, const QString& head, const RowPageSource& source,
                                                 const RowRenderer& render, qsizetype accounts,
                                                 int pageSize = kExportPageSize);

    explicit ExportFile(const QString& path);
    ~ExportFile(); // without commit(): the temporary file is removed, the target untouched

    model::Status open();
    // Appends; after the first failure further writes are ignored and commit() reports it.
    void write(const QByteArray& bytes);
    void write(const QString& text) { write(text.toUtf8()); }
    // A device writing into this file, for writers that stream through one (QXmlStreamWriter);
    // its failures show in written() and commit() like those of write().
    QIODevice* device();
    bool failed() const { return !m_error.isEmpty(); }
    // Ok while every write so far succeeded: writers check it per page to stop early.
    model::Status written();
    // Streams every page of source, each row rendered by render; the count written. Stops at
    // the first failed read or write.
    model::Result<qint64> writeRows(const RowPageSource& source, int pageSize, const RowRenderer& render);
    model::Status commit();
    // Gives up on the file (the target stays untouched) and returns the error to report: a
    // failure of the file itself as it is, any other cause (a database read) naming the file.
    model::Error abandon(const model::Error& cause);

    const QString& path() const { return m_path; }

private:
    model::Error failure(const QString& reason) const;
    void flushDevice();

    QString m_path;
    QSaveFile m_file;
    QString m_error;
    std::unique_ptr<ChunkingDevice> m_device;
};

} // namespace coffer::exporting
