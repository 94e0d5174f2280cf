#pragma once

// A real main window over a real engine, database and keychain, for the connection manager's
// tests: wizards and dialogs are found by objectName and driven the way a user would.

#include "EngineHost.h"
#include "MainWindow.h"
#include "connections/ConnectionsView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

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

inline void saveScreenshot(QWidget* widget, const QString& fileName)
{
    QCoreApplication::processEvents(); // let pending layout requests settle before grabbing
    QDir().mkpath(screenshotDir());
    const QString path = QDir(screenshotDir()).filePath(fileName);
    EXPECT_TRUE(widget->grab().save(path)) << path.toStdString();
    std::printf("screenshot: %s\n", qPrintable(QDir::toNativeSeparators(path)));
}

// The first visible descendant of root with that objectName, once there is one.
template <typename T> T* waitForChild(QObject* root, const QString& name)
{
    T* found = nullptr;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            for (T* candidate : root->findChildren<T*>(name)) {
                if (candidate->isVisible())
                    found = candidate;
            }
            return found != nullptr;
        },
        kTimeoutMs))
        << "no visible " << name.toStdString();
    return found;
}

class ConnectionsFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dataDir.isValid());
        EngineOptions options;
        options.dataDir = m_dataDir.path();
        options.keychainService =
            QStringLiteral("Coffer-test-") + QString::number(QRandomGenerator::global()->generate64(), 16);
        m_host = std::make_unique<EngineHost>(options);
        m_window = std::make_unique<ui::MainWindow>(*m_host);
        m_view = m_window->findChild<ui::ConnectionsView*>(QStringLiteral("connectionsView"));
        ASSERT_NE(m_view, nullptr);
        m_table = m_window->findChild<QTableWidget*>(QStringLiteral("connectionsTable"));
        ASSERT_NE(m_table, nullptr);
        QSignalSpy started(m_host.get(), &EngineHost::started);
        m_host->start();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !started.isEmpty(); }, kTimeoutMs));
        m_window->showPage(ui::MainWindow::Page::Connections);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void TearDown() override
    {
        m_window.reset();
        if (m_host)
            m_host->shutdown();
    }

    int rowNamed(const QString& name) const
    {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (m_table->item(row, ui::ConnectionsView::NameColumn)->text() == name)
                return row;
        }
        return -1;
    }
    QString cell(const QString& name, int column) const
    {
        const int row = rowNamed(name);
        return row < 0 || !m_table->item(row, column) ? QString() : m_table->item(row, column)->text();
    }

    QWizard* openWizard()
    {
        auto* add = m_view->findChild<QPushButton*>(QStringLiteral("addConnectionButton"));
        EXPECT_TRUE(add && add->isEnabled());
        add->click();
        return waitForChild<QWizard>(m_view, QStringLiteral("addConnectionWizard"));
    }
    static QAbstractButton* wizardButton(QWizard* wizard, QWizard::WizardButton which) { return wizard->button(which); }
    static void chooseProvider(QWizard* wizard, const QString& id)
    {
        auto* list = wizard->findChild<QListWidget*>(QStringLiteral("providerList"));
        ASSERT_NE(list, nullptr);
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole + 1).toString() == id)
                list->setCurrentRow(row);
        }
    }
    static void paste(QPlainTextEdit* edit, const QString& text)
    {
        edit->selectAll();
        edit->insertPlainText(text);
    }

    QTemporaryDir m_dataDir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ConnectionsView* m_view = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace coffer::test
