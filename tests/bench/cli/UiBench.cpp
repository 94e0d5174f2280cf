#include "UiBench.h"

#include "BenchFixture.h"
#include "EngineHost.h"
#include "IngestBench.h"
#include "LedgerFixture.h"
#include "MainWindow.h"
#include "SyntheticFeed.h"
#include "models/TransactionTableModel.h"
#include "store/Database.h"
#include "transactions/TransactionsView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace coffer::bench {

using model::Error;
using model::Result;

namespace {

constexpr int kTimeoutMs = 120 * 1000;
constexpr int kScrollRows = 10000;

// What people type into a finance app's search box, one keystroke at a time.
const char* const kSearches[] = {"coffee", "amazon", "uber", "whole foods", "trader", "netflix", "shell", "chipotle"};

double elapsedMs(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(p * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

// Runs the event loop until done() or the timeout; false on timeout.
template <typename Done> bool waitFor(Done done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > kTimeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// The measuring half, in a process of its own so its peak RSS is the window's alone.
Result<QJsonObject> measureWindow(const QString& dataDir, qint64 transactions)
{
    QElapsedTimer timer;
    timer.start();
    EngineOptions options;
    options.dataDir = dataDir;
    options.keychainService = QStringLiteral("Coffer-bench");
    options.automatic = false;
    EngineHost host(options);
    ui::MainWindow window(host);
    window.showPage(ui::MainWindow::Page::Transactions);
    window.show();
    host.start();
    auto* view = window.findChild<ui::TransactionsView*>(QStringLiteral("transactionsView"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("transactionSearchField"));
    if (!view || !search)
        return Error::permanent(QStringLiteral("the window has no transaction view or search field"));
    ui::TransactionTableModel* model = view->model();
    QTableView* table = view->table();
    if (!waitFor([&] { return model->rowCount() > 0; }))
        return Error::permanent(QStringLiteral("no transaction was shown within %1 s").arg(kTimeoutMs / 1000));
    table->viewport()->repaint();
    const double firstRowsMs = elapsedMs(timer);

    // Each keystroke as the search box applies it once typing pauses (returnPressed applies it at
    // once, without the coalescing delay), until the matching rows are painted.
    QList<double> latencies;
    for (const char* typed : kSearches) {
        const QString text = QString::fromLatin1(typed);
        for (qsizetype length = 1; length <= text.size(); ++length) {
            search->setText(text.left(length));
            timer.restart();
            Q_EMIT search->returnPressed();
            table->viewport()->repaint();
            latencies.append(elapsedMs(timer));
        }
        if (model->rowCount() == 0)
            return Error::permanent(QStringLiteral("searching for \"%1\" found nothing").arg(text));
        QCoreApplication::processEvents(); // the totals of the last keystroke arrive in the background
    }
    search->clear();
    Q_EMIT search->returnPressed();

    // Scroll from the top through the first 10,000 rows a page at a time, as PageDown does.
    table->scrollToTop();
    QScrollBar* bar = table->verticalScrollBar();
    timer.restart();
    while (table->rowAt(table->viewport()->height() - 1) < kScrollRows) {
        const int before = bar->value();
        bar->setValue(before + bar->pageStep());
        table->viewport()->repaint();
        QCoreApplication::processEvents();
        if (bar->value() == before && !model->canFetchMore({}))
            return Error::permanent(QStringLiteral("scrolling stopped at row %1").arg(model->rowCount()));
    }
    const double scrollMs = elapsedMs(timer);

    window.close();
    host.shutdown();
    return QJsonObject{{QStringLiteral("bench"), QStringLiteral("ui")},
                       {QStringLiteral("transactions"), transactions},
                       {QStringLiteral("first_rows_ms"), qRound(firstRowsMs * 10) / 10.0},
                       {QStringLiteral("search_p50_ms"), qRound(percentile(latencies, 0.5) * 10) / 10.0},
                       {QStringLiteral("search_p95_ms"), qRound(percentile(latencies, 0.95) * 10) / 10.0},
                       {QStringLiteral("search_keystrokes"), latencies.size()},
                       {QStringLiteral("scroll_ms"), qRound(scrollMs * 10) / 10.0},
                       {QStringLiteral("peak_rss_mb"), qRound(peakRssMegabytes() * 10) / 10.0}};
}

// Builds the database through the production pipeline (in dataDir, kept, when one is given), then
// measures in a child process.
Result<QJsonObject> buildAndMeasure(qint64 transactions, const QString& dataDir)
{
    const QDate today = QDate::currentDate();
    LedgerFixture ledger(20, today, dataDir);
    const SyntheticFeed feed(transactions, 20, today.addDays(-1));
    sync::PageWriter writer(ledger.db());
    const auto delivered = deliverFeed(feed, writer, ledger.connectionTarget(), nullptr);
    if (!delivered.ok())
        return delivered.error();
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("ui"), QStringLiteral("--transactions"), QString::number(transactions),
                 QStringLiteral("--data-dir"), QFileInfo(ledger.db().path()).absolutePath()});
    if (!child.waitForFinished(10 * 60 * 1000) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return Error::permanent(QStringLiteral("the measuring process failed (exit code %1)").arg(child.exitCode()));
    const QByteArray output = child.readAllStandardOutput().trimmed();
    const QJsonDocument json = QJsonDocument::fromJson(output.split('\n').constLast());
    if (!json.isObject())
        return Error::permanent(
            QStringLiteral("the measuring process printed no figures: %1").arg(QString::fromUtf8(output)));
    return json.object();
}

} // namespace

Result<QJsonObject> runUiBench(qint64 transactions, const QString& dataDir)
{
    if (transactions < 1)
        return Error::permanent(QStringLiteral("--transactions must be at least 1"));
    const bool built = !dataDir.isEmpty() && QFileInfo::exists(store::Database::filePathIn(dataDir));
    return built ? measureWindow(dataDir, transactions) : buildAndMeasure(transactions, dataDir);
}

} // namespace coffer::bench
