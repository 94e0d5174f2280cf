#pragma once

// A real main window over a real engine, database and keychain for the bank file import tests:
// files are chosen, dropped, previewed, imported and undone the way a user would, and what the
// user then sees (the dialog, the transaction list, the history) is checked.

#include "EngineHost.h"
#include "MainWindow.h"
#include "imports/ImportController.h"
#include "imports/ImportDialog.h"
#include "imports/ImportPreviewModel.h"
#include "imports/ImportPreviewPage.h"
#include "imports/ImportPrompts.h"
#include "models/TransactionTableModel.h"
#include "store/TransactionReader.h"
#include "transactions/TransactionsView.h"

#include "UiTestSupport.h"

#include <gtest/gtest.h>

#include <QDate>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace coffer::test {

// Answers the import's questions the way a user would, without any dialog.
class ScriptedImportPrompts : public ui::ImportPrompts {
public:
    void askFiles(QWidget*, std::function<void(const QStringList&)> onChosen) override
    {
        ++filesAsked;
        if (!files.isEmpty())
            onChosen(files);
    }
    void confirmUndo(QWidget*, const QString& text, std::function<void()> onConfirmed) override
    {
        question = text;
        if (confirm)
            onConfirmed();
    }

    QStringList files;
    int filesAsked = 0;
    bool confirm = true;
    QString question;
};

// One record of an OFX file the test writes.
struct OfxRecord {
    QDate posted;
    QString amount; // as the file writes it ("-4.75")
    QString fitId;
    QString name;
};

// An OFX 1.x (SGML) bank statement of one checking account, CRLF line ends, as banks write them.
inline bool writeOfx(const QString& path, const QList<OfxRecord>& records,
                     const QString& currency = QStringLiteral("USD"))
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray text = "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
                      "CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
                      "<OFX>\r\n<BANKMSGSRSV1>\r\n<STMTTRNRS>\r\n<TRNUID>1\r\n<STATUS>\r\n<CODE>0\r\n"
                      "<SEVERITY>INFO\r\n</STATUS>\r\n<STMTRS>\r\n<CURDEF>";
    text += currency.toLatin1();
    text += "\r\n<BANKACCTFROM>\r\n<BANKID>121000248\r\n<ACCTID>5550009876\r\n<ACCTTYPE>CHECKING\r\n"
            "</BANKACCTFROM>\r\n<BANKTRANLIST>\r\n";
    for (const OfxRecord& record : records) {
        text += "<STMTTRN>\r\n<TRNTYPE>OTHER\r\n<DTPOSTED>" + record.posted.toString(u"yyyyMMdd").toLatin1() +
                "\r\n<TRNAMT>" + record.amount.toLatin1() + "\r\n<FITID>" + record.fitId.toLatin1() + "\r\n<NAME>" +
                record.name.toUtf8() + "\r\n</STMTTRN>\r\n";
    }
    text += "</BANKTRANLIST>\r\n</STMTRS>\r\n</STMTTRNRS>\r\n</BANKMSGSRSV1>\r\n</OFX>\r\n";
    return file.write(text) == text.size();
}

// The folder of the import tests' own small files.
inline QString importDataFile(const QString& name)
{
    return QDir(QStringLiteral(COFFER_IMPORT_TEST_DATA)).filePath(name);
}

class ImportFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dataDir.isValid());
        ASSERT_TRUE(m_filesDir.isValid());
        EngineOptions options;
        options.dataDir = m_dataDir.path();
        options.keychainService =
            QStringLiteral("Coffer-test-") + QString::number(QRandomGenerator::global()->generate64(), 16);
        options.automatic = false;
        m_host = std::make_unique<EngineHost>(options);
        m_window = std::make_unique<ui::MainWindow>(*m_host, nullptr, ui::MainWindow::TrayUse::Never);
        m_imports = m_window->imports();
        ASSERT_NE(m_imports, nullptr);
        auto prompts = std::make_unique<ScriptedImportPrompts>();
        m_prompts = prompts.get();
        m_imports->setPrompts(std::move(prompts));
        m_view = m_window->findChild<ui::TransactionsView*>(QStringLiteral("transactionsView"));
        ASSERT_NE(m_view, nullptr);
        QSignalSpy started(m_host.get(), &EngineHost::started);
        m_host->start();
        ASSERT_TRUE(QTest::qWaitFor([&] { return !started.isEmpty(); }, kTimeoutMs));
        m_window->resize(1280, 780);
        m_window->show();
        m_window->showPage(ui::MainWindow::Page::Transactions);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void TearDown() override
    {
        if (m_window)
            m_window->close();
        if (m_host)
            m_host->shutdown();
    }

    // Syncs the demo bank once; its history is what an imported file can overlap.
    void syncDemo()
    {
        QSignalSpy added(m_host.get(), &EngineHost::connectionAdded);
        QSignalSpy finished(m_host.get(), &EngineHost::syncFinished);
        m_host->addConnection(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Demo Bank"), {}, {}});
        ASSERT_TRUE(QTest::qWaitFor([&] { return !added.isEmpty(); }, kTimeoutMs));
        m_host->syncNow(added.first().first().toLongLong());
        ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
        ASSERT_TRUE(finished.first().first().value<model::SyncSummary>().succeeded);
        ASSERT_TRUE(QTest::qWaitFor([&] { return m_view->model()->rowCount() > 0; }, kTimeoutMs));
    }

    // Opens the import dialog for the file (as a drop onto accountId would) and waits for it.
    ui::ImportDialog* openImport(const QString& path, qint64 accountId = 0)
    {
        m_imports->importFiles({path}, accountId);
        ui::ImportDialog* dialog = m_imports->currentDialog();
        EXPECT_NE(dialog, nullptr);
        if (dialog) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        }
        return dialog;
    }

    // Waits until the dialog has left the reading/importing stage; true when it reached `stage`.
    static bool waitForStage(ui::ImportDialog* dialog, ui::ImportDialog::Stage stage)
    {
        const bool settled = QTest::qWaitFor(
            [&] {
                return dialog->stage() != ui::ImportDialog::Stage::Reading &&
                       dialog->stage() != ui::ImportDialog::Stage::Importing;
            },
            kTimeoutMs);
        EXPECT_TRUE(settled) << "the engine did not answer";
        EXPECT_EQ(dialog->stage(), stage) << text(dialog, "importResultLabel").toStdString();
        return dialog->stage() == stage;
    }

    static QString text(QWidget* root, const char* labelName)
    {
        auto* label = root->findChild<QLabel*>(QString::fromLatin1(labelName));
        return label ? label->text() : QString();
    }

    // Every stored transaction (removed ones left out), through a reader of the user's database.
    QList<store::TransactionRow> stored() const
    {
        auto reader = store::TransactionReader::open(m_host->databasePath());
        EXPECT_TRUE(reader.ok());
        if (!reader.ok())
            return {};
        auto rows = reader.value()->page(store::ListPosition{}, 100000);
        EXPECT_TRUE(rows.ok());
        return rows.ok() ? rows.value() : QList<store::TransactionRow>{};
    }

    QString filePath(const QString& name) const { return QDir(m_filesDir.path()).filePath(name); }

    QTemporaryDir m_dataDir;
    QTemporaryDir m_filesDir;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::ImportController* m_imports = nullptr;
    ScriptedImportPrompts* m_prompts = nullptr;
    ui::TransactionsView* m_view = nullptr;
};

} // namespace coffer::test
