#include "importers/ImportTargets.h"

#include "model/Connection.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"

#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::importers {

using model::Error;
using model::ImportAccountPlan;
using model::Result;

namespace {

const QString kBankFilesKey = QStringLiteral("import_connection");
const QString kRememberedPrefix = QStringLiteral("import_target.");
const QString kIdlessPrefix = QStringLiteral("file:");

QString lastDigits(const QString& id)
{
    QString digits;
    for (auto it = id.crbegin(); it != id.crend() && digits.size() < 4; ++it) {
        if (it->isDigit())
            digits.prepend(*it);
        else if (!digits.isEmpty())
            break;
    }
    return digits;
}

QString kindWord(model::AccountKind kind)
{
    switch (kind) {
    case model::AccountKind::Checking:
        return QStringLiteral("Checking");
    case model::AccountKind::Savings:
        return QStringLiteral("Savings");
    case model::AccountKind::CreditCard:
        return QStringLiteral("Card");
    case model::AccountKind::Other:
        break;
    }
    return QStringLiteral("Account");
}

// What a new account is called: the file's name for it, else its kind and last digits, else the file's name.
QString newAccountName(const StatementAccount& a, const QString& fileName)
{
    if (!a.name.trimmed().isEmpty())
        return a.name.trimmed();
    const QString digits = lastDigits(a.id);
    if (!digits.isEmpty())
        return kindWord(a.kind) + QStringLiteral(" \u2026") + digits;
    if (!a.id.trimmed().isEmpty())
        return a.id.trimmed().left(40);
    return QFileInfo(fileName).completeBaseName();
}

// The id a file account has among "Bank files"' accounts.
QString providerIdFor(const ImportAccountPlan& plan, const QString& fileName)
{
    return plan.fileAccountId.isEmpty() ? kIdlessPrefix + QFileInfo(fileName).fileName() : plan.fileAccountId;
}

} // namespace

ImportTargets::ImportTargets(store::Database& db)
    : m_db(db)
{
}

Result<TargetAccount> ImportTargets::account(qint64 id) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT id, COALESCE(connection_id, 0), name, currency FROM accounts WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return Error::storage(QStringLiteral("Could not read account %1.").arg(id), q.lastError().text());
    if (!q.next())
        return Error::permanent(QStringLiteral("There is no account %1 (cofferctl accounts lists them).").arg(id));
    return TargetAccount{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                         q.value(3).toString()};
}

Result<qint64> ImportTargets::remembered(const QString& fileAccountId) const
{
    if (fileAccountId.isEmpty())
        return qint64(0);
    const auto value = store::SettingsRepository(m_db).value(kRememberedPrefix + fileAccountId);
    if (!value.ok())
        return value.error();
    const qint64 id = value.value().toLongLong();
    if (id <= 0)
        return qint64(0);
    return account(id).ok() ? id : qint64(0); // an account since deleted is forgotten
}

Result<QList<ImportAccountPlan>> ImportTargets::plan(const CollectingSink& file, const model::ImportRequest& request,
                                                     const QString& fileName, const QString& defaultCurrency) const
{
    // Accounts named only by their transactions count too.
    QList<StatementAccount> accounts = file.accounts;
    QHash<QString, int> transactions;
    QHash<QString, QString> amountCurrency; // file account -> the currency its first usable amount is in
    for (const auto& t : file.transactions) {
        ++transactions[t.accountProviderId];
        if (t.problem.isEmpty() && !amountCurrency.contains(t.accountProviderId))
            amountCurrency.insert(t.accountProviderId, t.amount.currency());
    }
    for (auto it = transactions.cbegin(); it != transactions.cend(); ++it) {
        const bool known = std::any_of(accounts.cbegin(), accounts.cend(),
                                       [&](const StatementAccount& a) { return a.id == it.key(); });
        if (!known)
            accounts.append(StatementAccount{it.key(), {}, {}, {}, model::AccountKind::Checking, {}, {}});
    }
    const int withTransactions = int(transactions.size());
    if (request.accountId > 0 && withTransactions > 1)
        return Error::permanent(
            QStringLiteral("%1 holds %2 accounts: import it without choosing one account, and each goes to its own.")
                .arg(fileName)
                .arg(withTransactions));

    std::optional<qint64> bankFiles;
    QList<ImportAccountPlan> plans;
    QSet<qint64> targets; // two file accounts never share one Coffer account: their ids could collide
    for (const StatementAccount& a : accounts) {
        // With one chosen account, a file account holding only a balance is left out: its balance
        // is not the chosen account's.
        if (request.accountId > 0 && !transactions.contains(a.id))
            continue;
        ImportAccountPlan p;
        p.fileAccountId = a.id;
        p.fileAccountName = a.name.isEmpty() ? a.id : a.name;
        p.transactions = transactions.value(a.id);
        if (a.ledgerBalance) {
            p.statedBalance = a.ledgerBalance->amount;
            p.statedBalanceOn = a.ledgerBalance->asOf;
        }
        qint64 target = request.accountId;
        if (target == 0 && request.accountMap.contains(a.id))
            target = request.accountMap.value(a.id);
        else if (target == 0) {
            const auto known = remembered(a.id);
            if (!known.ok())
                return known.error();
            target = known.value();
            if (target == 0) {
                if (!bankFiles) {
                    const auto connection = findBankFiles();
                    if (!connection.ok())
                        return connection.error();
                    bankFiles = connection.value();
                }
                if (*bankFiles > 0) {
                    const auto ids = store::AccountRepository(m_db).idsByProviderId(*bankFiles);
                    if (!ids.ok())
                        return ids.error();
                    target = ids.value().value(providerIdFor(p, fileName));
                }
            }
        }
        if (target > 0) {
            if (targets.contains(target))
                return Error::permanent(
                    QStringLiteral("%1: two of its accounts would go to the same Coffer account; choose one for each.")
                        .arg(fileName));
            targets.insert(target);
            const auto existing = account(target);
            if (!existing.ok())
                return existing.error();
            p.accountId = target;
            p.accountName = existing.value().name;
            p.currency = existing.value().currency;
            if (!a.currency.isEmpty() && a.currency != p.currency)
                return Error::permanent(
                    QStringLiteral("%1: the account %2 is in %3, but %4 is in %5.")
                        .arg(fileName, p.fileAccountName.isEmpty() ? QStringLiteral("of the file") : p.fileAccountName,
                             a.currency, p.accountName, p.currency));
        } else {
            p.created = true;
            p.accountName = newAccountName(a, fileName);
            // A new account is in the currency the file states for it, else that of its amounts.
            p.currency = !a.currency.isEmpty() ? a.currency : amountCurrency.value(a.id, defaultCurrency);
        }
        plans.append(p);
    }
    return plans;
}

Result<qint64> ImportTargets::findBankFiles() const
{
    const auto value = store::SettingsRepository(m_db).value(kBankFilesKey);
    if (!value.ok())
        return value.error();
    const qint64 id = value.value().toLongLong();
    if (id <= 0)
        return qint64(0);
    const auto connection = store::ConnectionRepository(m_db).get(id);
    return connection.ok() && connection.value().provider == u"file" ? id : qint64(0);
}

Result<qint64> ImportTargets::bankFiles(const QDateTime& now)
{
    const auto found = findBankFiles();
    if (!found.ok() || found.value() > 0)
        return found;
    model::ConnectionSpec spec;
    spec.provider = QStringLiteral("file");
    spec.name = QStringLiteral("Bank files");
    const auto created = store::ConnectionRepository(m_db).insert(spec, QStringLiteral("Imported files"), now);
    if (!created.ok())
        return created.error();
    if (auto s = store::SettingsRepository(m_db).setValue(kBankFilesKey, QString::number(created.value())); !s.ok())
        return s.error();
    return created.value();
}

Result<QHash<QString, qint64>> ImportTargets::realize(QList<ImportAccountPlan>& plans, const CollectingSink& file,
                                                      const QString& fileName, const QDateTime& now)
{
    QHash<QString, qint64> ids;
    for (ImportAccountPlan& p : plans) {
        if (p.accountId == 0) {
            const auto connection = bankFiles(now);
            if (!connection.ok())
                return connection.error();
            const auto taken = store::AccountRepository(m_db).idsByProviderId(connection.value());
            if (!taken.ok())
                return taken.error();
            model::Account a;
            a.providerId = providerIdFor(p, fileName);
            // The user asked for a new account although one has this id: a new one it is.
            for (int n = 2; taken.value().contains(a.providerId); ++n)
                a.providerId = providerIdFor(p, fileName) + QStringLiteral(" #%1").arg(n);
            a.name = p.accountName;
            a.currency = p.currency;
            a.mask = lastDigits(p.fileAccountId);
            for (const StatementAccount& s : file.accounts) {
                if (s.id == p.fileAccountId) {
                    a.kind = s.kind;
                    a.institution = s.institution;
                }
            }
            const auto id = store::AccountRepository(m_db).upsert(connection.value(), a);
            if (!id.ok())
                return id.error();
            p.accountId = id.value();
        }
        ids.insert(p.fileAccountId, p.accountId);
        if (!p.fileAccountId.isEmpty()) {
            if (auto s = store::SettingsRepository(m_db).setValue(kRememberedPrefix + p.fileAccountId,
                                                                  QString::number(p.accountId));
                !s.ok())
                return s.error();
        }
    }
    return ids;
}

Result<qint64> ImportTargets::runConnection(const QDateTime& now)
{
    return bankFiles(now);
}

} // namespace coffer::importers
