// The dashboard after ten simulated days of syncing, in the main window at its default size, in
// the light and the dark palette: the screenshots the README shows.

#include "DashboardFixture.h"

#include "MainWindow.h"
#include "dashboard/ConnectionCard.h"
#include "dashboard/JobListDialog.h"
#include "dashboard/JobTableModel.h"

#include <QApplication>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>

#include <algorithm>

using namespace coffer;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x36, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x36, 0x38, 0x3d));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9e, 0x9e, 0x9e));
    return p;
}

class BusyWeek {
public:
    BusyWeek()
    {
        // Time passes while a sync runs, so each run has a duration to chart.
        QObject::connect(&m_engine.host(), &EngineHost::jobProgress, &m_context,
                         [this] { m_clock->set(m_clock->now().addMSecs(300 + 170 * (++m_ticks % 5))); });
    }

    qint64 add(const QString& name, quint64 seed, QVariantMap options = {})
    {
        options.insert(QStringLiteral("seed"), seed);
        options.insert(QStringLiteral("openedAt"), test::fixedNow().toString(Qt::ISODate));
        options.insert(QStringLiteral("latencyMs"), options.value(QStringLiteral("latencyMs"), 0));
        const auto before = m_engine.addedIds.size();
        m_engine.host().addConnection(model::ConnectionSpec{QStringLiteral("demo"), name, options, {}});
        EXPECT_TRUE(test::waitFor([&] { return m_engine.addedIds.size() > before; }));
        return m_engine.addedIds.value(before);
    }

    // One sync of each connection a day, each run over before the clock moves on.
    void runDays(int days, const QList<qint64>& daily)
    {
        for (int day = 0; day < days; ++day) {
            m_clock->set(test::fixedNow().addDays(day).addSecs(-3 * 3600));
            for (const qint64 id : daily)
                sync(id);
            EXPECT_TRUE(test::waitFor([&] {
                const auto jobs = m_engine.jobs();
                return std::none_of(jobs.cbegin(), jobs.cend(),
                                    [](const jobs::Job& j) { return j.state == jobs::JobState::Active; });
            }));
        }
    }

    void sync(qint64 id)
    {
        const auto runsOf = [&] {
            return std::count_if(m_engine.summaries.cbegin(), m_engine.summaries.cend(),
                                 [&](const model::SyncSummary& s) { return s.connectionId == id; });
        };
        const auto before = runsOf();
        m_engine.host().syncNow(id);
        EXPECT_TRUE(test::waitFor([&] { return runsOf() > before; }, test::kTimeoutMs));
    }

    test::EngineUnderTest& engine() { return m_engine; }
    std::shared_ptr<schedule::ManualClock> clock() const { return m_clock; }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<schedule::ManualClock> m_clock = test::clockAtFixedNow();
    test::EngineUnderTest m_engine{m_dir.path(), m_clock, false};
    QObject m_context;
    int m_ticks = 0;
};

void showDashboard(ui::MainWindow& window, const std::shared_ptr<schedule::ManualClock>& clock)
{
    window.findChild<ui::DashboardView*>(QStringLiteral("dashboardView"))->setClock(clock);
    window.showPage(ui::MainWindow::Page::Dashboard);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
}

void scrollToCharts(ui::MainWindow& window, bool toCharts)
{
    auto* scroll = window.findChild<QScrollArea*>(QStringLiteral("dashboardScrollArea"));
    ASSERT_NE(scroll, nullptr);
    scroll->verticalScrollBar()->setValue(toCharts ? scroll->verticalScrollBar()->maximum() : 0);
}

} // namespace

TEST(DashboardScreenshots, TenDaysOfSyncingInLightAndDarkPalettes)
{
    BusyWeek week;
    const qint64 checking = week.add(QStringLiteral("Everyday Checking"), 71);
    const qint64 savings = week.add(QStringLiteral("Household Savings"), 72, {{QStringLiteral("consentDays"), 14}});
    // Drops the connection every few pages: early runs fail, later ones catch up (three failed
    // runs for its 90 days of history, fewer than the five that would open the circuit breaker).
    const qint64 travel = week.add(QStringLiteral("Travel Card"), 73, {{QStringLiteral("failAfterPages"), 4}});
    const qint64 brokerage =
        week.add(QStringLiteral("Brokerage"), 74, {{QStringLiteral("fail"), QStringLiteral("invalid")}});
    week.runDays(10, {checking, savings, travel});
    week.sync(brokerage);
    const qint64 business = week.add(QStringLiteral("Business Account"), 75, {{QStringLiteral("latencyMs"), 250}});

    ui::MainWindow window(week.engine().host());
    // Made after the engine started: tell it what the engine said at its start.
    Q_EMIT week.engine().host().started(week.engine().databasePath);
    Q_EMIT week.engine().host().connectionsChanged(week.engine().host().lastConnections());
    showDashboard(window, week.clock());
    auto* dashboard = window.findChild<ui::DashboardView*>(QStringLiteral("dashboardView"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return dashboard->cardCount() == 5; }, test::kTimeoutMs));

    // The newest connection's first sync, caught in the middle.
    week.engine().host().syncNow(business);
    auto* progress = dashboard->cardFor(business)->findChild<QProgressBar*>(QStringLiteral("syncProgressBar"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return progress->isVisible() && progress->value() >= 20; }, test::kTimeoutMs));
    scrollToCharts(window, false);
    test::saveScreenshot(window, QStringLiteral("coffer-dashboard.png"));
    scrollToCharts(window, true);
    test::saveScreenshot(window, QStringLiteral("coffer-dashboard-charts.png"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !progress->isVisible(); }, test::kTimeoutMs));

    // The job list on the connection that keeps dropping: its error history.
    ui::JobListDialog* jobs = dashboard->showJobList();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(jobs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return jobs->model()->rowCount() > 0; }, test::kTimeoutMs));
    for (int row = 0; row < jobs->model()->rowCount(); ++row) {
        if (jobs->model()->job(row)->connectionId == brokerage) {
            jobs->findChild<QTableView*>(QStringLiteral("jobTable"))->selectRow(row);
            break;
        }
    }
    auto* history = jobs->findChild<QTableWidget*>(QStringLiteral("jobErrorHistory"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->rowCount() > 0; }, test::kTimeoutMs));
    test::saveScreenshot(*jobs, QStringLiteral("coffer-dashboard-jobs.png"));
    jobs->close();

    // The same in a dark palette, in a window made after the switch as the app would be.
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    {
        ui::MainWindow dark(week.engine().host());
        Q_EMIT week.engine().host().started(week.engine().databasePath);
        Q_EMIT week.engine().host().connectionsChanged(week.engine().host().lastConnections());
        showDashboard(dark, week.clock());
        auto* darkDashboard = dark.findChild<ui::DashboardView*>(QStringLiteral("dashboardView"));
        ASSERT_TRUE(QTest::qWaitFor([&] { return darkDashboard->cardCount() == 5; }, test::kTimeoutMs));
        test::saveScreenshot(dark, QStringLiteral("coffer-dashboard-dark.png"));
        scrollToCharts(dark, true);
        test::saveScreenshot(dark, QStringLiteral("coffer-dashboard-charts-dark.png"));
    }
    QApplication::setPalette(light);
}
