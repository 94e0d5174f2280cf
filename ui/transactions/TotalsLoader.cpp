#include "transactions/TotalsLoader.h"

#include "store/TransactionReader.h"

#include <QtConcurrent/QtConcurrentRun>

namespace coffer::ui {

namespace {

TotalsLoader::Answer addUp(const QString& databasePath, const store::TransactionFilter& filter, bool withCategories)
{
    TotalsLoader::Answer answer;
    answer.withCategories = withCategories;
    model::Result<std::shared_ptr<store::TransactionReader>> reader = store::TransactionReader::open(databasePath);
    if (!reader) {
        answer.error = reader.error().userMessage;
        return answer;
    }
    model::Result<QList<store::CurrencyTotal>> totals = reader.value()->totals(filter);
    if (!totals) {
        answer.error = totals.error().userMessage;
        return answer;
    }
    answer.totals = totals.value();
    if (withCategories) {
        model::Result<QStringList> categories = reader.value()->categories();
        if (!categories) {
            answer.error = categories.error().userMessage;
            return answer;
        }
        answer.categories = categories.value();
    }
    return answer;
}

} // namespace

TotalsLoader::TotalsLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Answer>::finished, this, &TotalsLoader::deliver);
}

TotalsLoader::~TotalsLoader()
{
    m_watcher.waitForFinished(); // the worker holds nothing of ours, but the view should not outlive it
}

void TotalsLoader::request(const store::TransactionFilter& filter, bool withCategories)
{
    if (m_databasePath.isEmpty())
        return;
    if (m_watcher.isRunning()) {
        // One worker at a time: remember the newest request and run it when the current one ends.
        m_pending = true;
        m_pendingFilter = filter;
        m_pendingCategories = m_pendingCategories || withCategories;
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(addUp, m_databasePath, filter, withCategories));
}

void TotalsLoader::deliver()
{
    const Answer answer = m_watcher.result();
    if (m_pending) {
        // The user has moved on: this answer is for a filter no longer shown.
        m_pending = false;
        const bool categories = m_pendingCategories || answer.withCategories;
        m_pendingCategories = false;
        if (answer.withCategories && answer.error.isEmpty())
            Q_EMIT categoriesReady(answer.categories);
        request(m_pendingFilter, categories && !answer.withCategories);
        return;
    }
    if (!answer.error.isEmpty()) {
        Q_EMIT failed(answer.error);
        return;
    }
    if (answer.withCategories)
        Q_EMIT categoriesReady(answer.categories);
    Q_EMIT totalsReady(answer.totals);
}

} // namespace coffer::ui
