#include "store/Migrations.h"

namespace coffer::store {

namespace {

QList<Migration> buildMigrations()
{
    Migration v1;
    v1.version = 1;
    v1.description = QStringLiteral("initial schema");
    v1.statements = {
        QStringLiteral(R"(CREATE TABLE connections (
            id INTEGER PRIMARY KEY,
            provider TEXT NOT NULL,
            name TEXT NOT NULL,
            institution TEXT NOT NULL DEFAULT '',
            options TEXT NOT NULL DEFAULT '{}',
            cursor TEXT NOT NULL DEFAULT '',
            paused INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'idle',
            last_error TEXT NOT NULL DEFAULT '',
            last_error_kind TEXT NOT NULL DEFAULT '',
            last_success_at TEXT,
            last_attempt_at TEXT,
            created_at TEXT NOT NULL
        ))"),
        QStringLiteral(R"(CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            connection_id INTEGER REFERENCES connections(id) ON DELETE SET NULL,
            provider_id TEXT NOT NULL,
            name TEXT NOT NULL,
            institution TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            currency TEXT NOT NULL,
            mask TEXT NOT NULL DEFAULT '',
            UNIQUE (connection_id, provider_id)
        ))"),
        QStringLiteral(R"(CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY,
            connection_id INTEGER REFERENCES connections(id) ON DELETE SET NULL,
            trigger TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            pages INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL DEFAULT 0,
            modified INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            error_kind TEXT NOT NULL DEFAULT '',
            error TEXT NOT NULL DEFAULT ''
        ))"),
        QStringLiteral(R"(CREATE TABLE transactions (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            provider_id TEXT NOT NULL,
            pending_provider_id TEXT NOT NULL DEFAULT '',
            booked_on TEXT NOT NULL,
            authorized_on TEXT,
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            original_amount_minor INTEGER,
            original_currency TEXT,
            description_raw TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            counterparty TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            check_number TEXT NOT NULL DEFAULT '',
            reference TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'removed')),
            matched_to INTEGER REFERENCES transactions(id) ON DELETE SET NULL,
            match_reason TEXT NOT NULL DEFAULT '',
            raw TEXT NOT NULL DEFAULT '',
            first_seen_run INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            last_changed_run INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            UNIQUE (account_id, source, provider_id)
        ))"),
        QStringLiteral("CREATE INDEX transactions_account_date ON transactions (account_id, booked_on)"),
        QStringLiteral(
            "CREATE INDEX transactions_account_amount_date ON transactions (account_id, amount_minor, booked_on)"),
        QStringLiteral("CREATE INDEX transactions_date ON transactions (booked_on DESC, id DESC)"),
        QStringLiteral(R"(CREATE TABLE transaction_events (
            id INTEGER PRIMARY KEY,
            transaction_id INTEGER REFERENCES transactions(id) ON DELETE CASCADE,
            sync_run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('added', 'modified', 'removed', 'matched', 'unmatched')),
            changes TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        ))"),
        QStringLiteral("CREATE INDEX transaction_events_transaction ON transaction_events (transaction_id)"),
        // Candidate look-ups by (account, date range, amount): transactions arrive roughly in date
        // order, so this index grows at its end, where (account, amount, date) took a random page
        // for every row - most of what a page commit wrote. It also serves (account, date).
        QStringLiteral("DROP INDEX transactions_account_amount_date"),
        QStringLiteral("DROP INDEX transactions_account_date"),
        QStringLiteral(
            "CREATE INDEX transactions_account_date_amount ON transactions (account_id, booked_on, amount_minor)"),
        QStringLiteral("CREATE INDEX transaction_events_run ON transaction_events (sync_run_id)"),
        QStringLiteral(R"(CREATE TABLE balances (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            sync_run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            amount_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            as_of TEXT NOT NULL
        ))"),
        QStringLiteral(R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ))"),
        // Scopes this database's keychain entries, so two data folders never share a credential.
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('database_id', lower(hex(randomblob(16))))"),
    };
    Migration v2;
    v2.version = 2;
    v2.description = QStringLiteral("persistent job queue, schedules, quarantined payloads");
    v2.statements = {
        // Times are integer milliseconds since the epoch (UTC): the queue is a hot path.
        QStringLiteral(R"(CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            connection_id INTEGER REFERENCES connections(id) ON DELETE CASCADE,
            priority INTEGER NOT NULL,
            trigger TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL,
            run_at_ms INTEGER NOT NULL,
            created_at_ms INTEGER NOT NULL,
            finished_at_ms INTEGER,
            payload TEXT NOT NULL DEFAULT '',
            last_error TEXT NOT NULL DEFAULT '',
            errors TEXT NOT NULL DEFAULT ''
        ))"),
        QStringLiteral("CREATE INDEX jobs_state_finished ON jobs (state, finished_at_ms)"),
        // At most one open job of a kind per connection: duplicate triggers merge (idempotent).
        QStringLiteral("CREATE UNIQUE INDEX jobs_one_open ON jobs (kind, COALESCE(connection_id, 0)) "
                       "WHERE state IN ('waiting', 'active', 'delayed')"),
        QStringLiteral("ALTER TABLE connections ADD COLUMN schedule TEXT NOT NULL DEFAULT 'every 4h'"),
        QStringLiteral(R"(CREATE TABLE raw_payloads (
            id INTEGER PRIMARY KEY,
            connection_id INTEGER REFERENCES connections(id) ON DELETE CASCADE,
            sync_run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            reason TEXT NOT NULL,
            payload BLOB NOT NULL,
            received_at TEXT NOT NULL
        ))"),
    };
    Migration v3;
    v3.version = 3;
    v3.description = QStringLiteral("matching, pending expiry, reconciliation and data quality");
    v3.statements = {
        QStringLiteral("ALTER TABLE transactions ADD COLUMN match_score REAL"),
        // When the source last delivered this row (UTC date): pending rows not seen for a while expire.
        QStringLiteral("ALTER TABLE transactions ADD COLUMN last_seen_on TEXT"),
        QStringLiteral("UPDATE transactions SET last_seen_on = booked_on"),
        // Rows folded into another (a pending into its posted, a duplicate from another source).
        QStringLiteral(
            "CREATE INDEX transactions_matched_to ON transactions (matched_to) WHERE matched_to IS NOT NULL"),
        QStringLiteral("CREATE INDEX transactions_open_pending ON transactions (account_id, booked_on) "
                       "WHERE status = 'pending' AND matched_to IS NULL"),
        // Pairs the user split with "undo match": never matched automatically again.
        QStringLiteral(R"(CREATE TABLE match_blocks (
            first_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
            second_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
            PRIMARY KEY (first_id, second_id)
        ) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE reconciliations (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            sync_run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            reported_minor INTEGER NOT NULL,
            implied_minor INTEGER NOT NULL,
            drift_minor INTEGER NOT NULL,
            currency TEXT NOT NULL,
            flagged INTEGER NOT NULL DEFAULT 0,
            at TEXT NOT NULL
        ))"),
        QStringLiteral("CREATE INDEX reconciliations_account ON reconciliations (account_id, id)"),
        QStringLiteral("ALTER TABLE sync_runs ADD COLUMN matched INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sync_runs ADD COLUMN invalid INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sync_runs ADD COLUMN pending_expired INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX raw_payloads_received ON raw_payloads (received_at)"),
        // Events again, for speed on the hot path: a CHECK written with IN makes SQLite build a
        // temporary table for every inserted row, and the index by run served no query.
        QStringLiteral(R"(CREATE TABLE transaction_events_v3 (
            id INTEGER PRIMARY KEY,
            transaction_id INTEGER REFERENCES transactions(id) ON DELETE CASCADE,
            sync_run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind = 'added' OR kind = 'modified' OR kind = 'removed' OR kind = 'matched'
                                      OR kind = 'unmatched'),
            changes TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        ))"),
        QStringLiteral("INSERT INTO transaction_events_v3 (id, transaction_id, sync_run_id, kind, changes, at) "
                       "SELECT id, transaction_id, sync_run_id, kind, changes, at FROM transaction_events"),
        QStringLiteral("DROP TABLE transaction_events"),
        QStringLiteral("ALTER TABLE transaction_events_v3 RENAME TO transaction_events"),
        QStringLiteral("CREATE INDEX transaction_events_transaction ON transaction_events (transaction_id)"),
        QStringLiteral("CREATE INDEX balances_account ON balances (account_id, id)"),
    };
    Migration v4;
    v4.version = 4;
    v4.description = QStringLiteral("search and totals for the transaction views");
    v4.statements = {
        // Full-text search on what people type: the cleaned description, the payee and the bank's
        // own text (the memo). External content: the words are indexed, the text stays in
        // transactions. Prefixes of two and three letters are indexed too: a search as you type
        // reads one list for "co", not hundreds.
        QStringLiteral("CREATE VIRTUAL TABLE transactions_fts USING fts5(description, counterparty, description_raw, "
                       "content='transactions', content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
                       "prefix='2 3')"),
        // New rows are indexed once per committed page (TransactionRepository::indexForSearch), not
        // by an insert trigger: an FTS table written early in a transaction flushes its pending words
        // at every later statement, which made a page commit four times slower. Rows up to
        // indexed_through are in the index; the triggers keep those in step when they change or go.
        QStringLiteral("CREATE TABLE search_index_state (indexed_through INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO search_index_state (indexed_through) VALUES (0)"),
        QStringLiteral(
            "CREATE TRIGGER transactions_fts_delete AFTER DELETE ON transactions "
            "WHEN old.id <= (SELECT indexed_through FROM search_index_state) BEGIN "
            "INSERT INTO transactions_fts (transactions_fts, rowid, description, counterparty, description_raw) "
            "VALUES ('delete', old.id, old.description, old.counterparty, old.description_raw); "
            // A new row may take a deleted top id again: it must not count as indexed.
            "UPDATE search_index_state SET indexed_through = "
            "MIN(indexed_through, (SELECT COALESCE(MAX(id), 0) FROM transactions)); END"),
        QStringLiteral(
            "CREATE TRIGGER transactions_fts_update AFTER UPDATE OF description, counterparty, description_raw "
            "ON transactions WHEN old.id <= (SELECT indexed_through FROM search_index_state) BEGIN "
            "INSERT INTO transactions_fts (transactions_fts, rowid, description, counterparty, description_raw) "
            "VALUES ('delete', old.id, old.description, old.counterparty, old.description_raw); "
            "INSERT INTO transactions_fts (rowid, description, counterparty, description_raw) "
            "VALUES (new.id, new.description, new.counterparty, new.description_raw); END"),
        QStringLiteral("INSERT INTO transactions_fts (rowid, description, counterparty, description_raw) "
                       "SELECT id, description, counterparty, description_raw FROM transactions"),
        QStringLiteral(
            "UPDATE search_index_state SET indexed_through = (SELECT COALESCE(MAX(id), 0) FROM transactions)"),
        // Totals of what the user sees, per currency, from the index alone (the rows carry their
        // raw records, so reading the table for a million-row sum is many times slower).
        QStringLiteral("CREATE INDEX transactions_visible_amount ON transactions (currency, amount_minor) "
                       "WHERE status != 'removed' AND matched_to IS NULL"),
    };
    Migration v5;
    v5.version = 5;
    v5.description = QStringLiteral("bank file imports");
    v5.statements = {
        // One row per import: its run in sync_runs, the file and what became of its records here
        // (as the user saw them counted). Undoing an import takes back what it did and marks the
        // row, which stays in the audit trail.
        QStringLiteral(R"(CREATE TABLE imports (
            run_id INTEGER PRIMARY KEY REFERENCES sync_runs(id) ON DELETE CASCADE,
            file TEXT NOT NULL,
            format TEXT NOT NULL,
            added INTEGER NOT NULL DEFAULT 0,
            matched INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            invalid INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT
        ))"),
    };
    return {v1, v2, v3, v4, v5};
}

} // namespace

const QList<Migration>& migrations()
{
    static const QList<Migration> all = buildMigrations();
    return all;
}

int latestSchemaVersion()
{
    return migrations().last().version;
}

} // namespace coffer::store
