#include "store/SqliteStatement.h"

#include "store/Database.h"

#include <sqlite3.h>

namespace coffer::store {

using model::Result;

SqliteStatement::SqliteStatement(Database& db, const char* sql)
    : m_db(db)
    , m_handle(db.nativeHandle())
{
    if (m_handle == nullptr) {
        m_prepareError = QStringLiteral("no native database handle");
        return;
    }
    if (sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK)
        m_prepareError = QString::fromUtf8(sqlite3_errmsg(m_handle));
    else
        m_text.resize(size_t(sqlite3_bind_parameter_count(m_statement)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    if (m_statement)
        sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& text)
{
    if (m_statement == nullptr || index < 1 || size_t(index) > m_text.size())
        return *this;
    // UTF-8, the database's encoding, into a buffer kept per parameter: bound without a copy
    // (SQLITE_STATIC), so binding a row allocates nothing once the buffers have grown.
    QByteArray& buffer = m_text[size_t(index - 1)];
    buffer.resize(text.size() * 3 + 1);
    char* end = m_encoder.appendToBuffer(buffer.data(), text);
    buffer.resize(end - buffer.constData());
    sqlite3_bind_text(m_statement, index, buffer.constData(), int(buffer.size()), SQLITE_STATIC);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value)
{
    if (m_statement)
        sqlite3_bind_double(m_statement, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::bindUtf8(int index, const QByteArray& utf8)
{
    if (m_statement)
        sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index)
{
    if (m_statement)
        sqlite3_bind_null(m_statement, index);
    return *this;
}

model::Status SqliteStatement::run(const char* what)
{
    if (m_statement == nullptr)
        return model::Error::storage(QStringLiteral("The database could not %1: %2").arg(QString::fromLatin1(what), m_prepareError));
    if (auto injected = m_db.injectedFailure(what); !injected.ok()) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        return injected;
    }
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_statement);
    const QString why = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (rc != SQLITE_DONE)
        return model::Error::storage(QStringLiteral("The database could not %1: %2").arg(QString::fromLatin1(what), why));
    return model::Ok{};
}

Result<bool> SqliteStatement::next(const char* what)
{
    if (m_statement == nullptr)
        return model::Error::storage(QStringLiteral("The database could not %1: %2").arg(QString::fromLatin1(what), m_prepareError));
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    const QString why = rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errmsg(m_handle));
    reset();
    if (rc != SQLITE_DONE)
        return model::Error::storage(QStringLiteral("The database could not %1: %2").arg(QString::fromLatin1(what), why));
    return false;
}

void SqliteStatement::reset()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    const int bytes = sqlite3_column_bytes(m_statement, column);
    return data ? QString::fromUtf8(data, bytes) : QString();
}

QByteArray SqliteStatement::rawBytes(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_statement, column)) : QByteArray();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

int SqliteStatement::changes() const
{
    return m_handle ? sqlite3_changes(m_handle) : 0;
}

qint64 SqliteStatement::lastInsertId() const
{
    return m_handle ? sqlite3_last_insert_rowid(m_handle) : 0;
}

} // namespace coffer::store
