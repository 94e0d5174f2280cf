#pragma once

// A dashboard shown in a real window over a real engine on a simulated clock, for the dashboard's
// UI tests.

#include "EngineHarness.h"
#include "dashboard/DashboardView.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

namespace coffer::test {

constexpr int kTimeoutMs = 60 * 1000;

inline QString screenshotDir()
{
    const QString fromEnv = qEnvironmentVariable("COFFER_SCREENSHOT_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(COFFER_UI_TEST_OUTPUT_DIR) : fromEnv;
}

// Saves what the user sees of a window; the path is printed so it can be opened and looked at.
inline void saveScreenshot(QWidget& window, const QString& fileName)
{
    QCoreApplication::processEvents(); // let pending layout requests settle before grabbing
    QDir().mkpath(screenshotDir());
    const QString path = QDir(screenshotDir()).filePath(fileName);
    EXPECT_TRUE(window.grab().save(path)) << path.toStdString();
    std::printf("screenshot: %s\n", qPrintable(QDir::toNativeSeparators(path)));
}

class DashboardFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_engine = std::make_unique<EngineUnderTest>(m_dir.path(), m_clock);
        m_view = std::make_unique<ui::DashboardView>(m_engine->host());
        m_view->setClock(m_clock);
        m_view->resize(1100, 700);
        m_view->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void TearDown() override
    {
        m_view.reset(); // it holds on to the engine host
        m_engine.reset();
    }

    EngineUnderTest& engine() { return *m_engine; }
    ui::DashboardView& view() { return *m_view; }
    schedule::ManualClock& clock() { return *m_clock; }
    Inspector inspect() const { return Inspector(m_engine->databasePath); }

    // Moves the simulated clock and lets the engine look at what became due.
    void advance(qint64 seconds)
    {
        m_clock->advanceSeconds(seconds);
        m_engine->host().wake();
    }

    ui::ConnectionCard* card(qint64 connectionId)
    {
        EXPECT_TRUE(QTest::qWaitFor([&] { return m_view->cardFor(connectionId) != nullptr; }, kTimeoutMs));
        return m_view->cardFor(connectionId);
    }

    // The named child, or a failed test (and an exception-free stop at the next ASSERT).
    template <typename T> static T* child(QObject* parent, const char* name)
    {
        T* found = parent ? parent->findChild<T*>(QString::fromLatin1(name)) : nullptr;
        if (!found)
            ADD_FAILURE() << "no " << name;
        return found;
    }

    static bool waitForText(QObject* parent, const char* labelName, const QString& text, bool contains = false)
    {
        auto* label = child<QLabel>(parent, labelName);
        const bool shown =
            label && QTest::qWaitFor([&] { return contains ? label->text().contains(text) : label->text() == text; },
                                     kTimeoutMs);
        if (!shown && label)
            ADD_FAILURE() << labelName << " says \"" << label->text().toStdString() << "\", not \""
                          << text.toStdString() << "\"";
        return shown;
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<schedule::ManualClock> m_clock = clockAtFixedNow();
    std::unique_ptr<EngineUnderTest> m_engine;
    std::unique_ptr<ui::DashboardView> m_view;
};

} // namespace coffer::test
