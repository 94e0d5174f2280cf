// Editing a connection from the connections table, and signing in again, as a user would.

#include "../fakes/SimpleFinFake.h"
#include "ConnectionsFixture.h"
#include "connections/ConnectionEditDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace {

using namespace coffer;
using test::ConnectionsFixture;
using test::kTimeoutMs;
using test::waitForChild;

class ConnectionEditTest : public ConnectionsFixture {
protected:
    qint64 addDemo(const QString& name)
    {
        QSignalSpy added(m_host.get(), &EngineHost::connectionAdded);
        model::ConnectionSpec spec{
            QStringLiteral("demo"), name, {{QStringLiteral("seed"), 77}, {QStringLiteral("latencyMs"), 0}}, {}};
        m_host->addConnection(spec);
        EXPECT_TRUE(QTest::qWaitFor([&] { return !added.isEmpty(); }, kTimeoutMs));
        return added.isEmpty() ? 0 : added.first().first().toLongLong();
    }

    // Transactions per account of the connection, read from the database as an outside observer.
    QHash<QString, int> perAccount(qint64 connectionId) const
    {
        const QString name = QUuid::createUuid().toString();
        QHash<QString, int> out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_host->databasePath());
            EXPECT_TRUE(db.open());
            QSqlQuery q(db);
            EXPECT_TRUE(
                q.exec(QStringLiteral("SELECT a.provider_id, COUNT(t.id) FROM accounts a LEFT JOIN transactions t "
                                      "ON t.account_id = a.id WHERE a.connection_id = %1 GROUP BY a.provider_id")
                           .arg(connectionId)));
            while (q.next())
                out.insert(q.value(0).toString(), q.value(1).toInt());
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    ui::ConnectionEditDialog* openEditor(const QString& name)
    {
        m_table->selectRow(rowNamed(name));
        auto* edit = m_view->findChild<QPushButton*>(QStringLiteral("editConnectionButton"));
        EXPECT_TRUE(edit && edit->isEnabled());
        edit->click();
        auto* dialog = waitForChild<ui::ConnectionEditDialog>(m_view, QStringLiteral("connectionEditDialog"));
        EXPECT_TRUE(dialog && QTest::qWaitFor([&] { return dialog->loaded(); }, kTimeoutMs));
        return dialog;
    }
};

int bullets(const QLabel* preview)
{
    return int(preview->text().count(QStringLiteral("\u2022")));
}

TEST_F(ConnectionEditTest, RenameScheduleAndImportChoicesTakeEffect)
{
    const qint64 id = addDemo(QStringLiteral("Household"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Household"), ui::ConnectionsView::TransactionsColumn).toInt() > 0; },
        kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Household"), ui::ConnectionsView::StateColumn) == u"Idle"; }, kTimeoutMs));

    ui::ConnectionEditDialog* dialog = openEditor(QStringLiteral("Household"));
    ASSERT_NE(dialog, nullptr);
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("editNameEdit"));
    auto* preset = dialog->findChild<QComboBox*>(QStringLiteral("schedulePresetCombo"));
    auto* custom = dialog->findChild<QLineEdit*>(QStringLiteral("scheduleCustomEdit"));
    auto* preview = dialog->findChild<QLabel*>(QStringLiteral("schedulePreviewLabel"));
    auto* scheduleError = dialog->findChild<QLabel*>(QStringLiteral("scheduleErrorLabel"));
    auto* accounts = dialog->findChild<QListWidget*>(QStringLiteral("editAccountsList"));
    auto* pending = dialog->findChild<QCheckBox*>(QStringLiteral("editPendingCheck"));
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("editOkButton"));
    ASSERT_TRUE(name && preset && custom && preview && scheduleError && accounts && pending && save);

    EXPECT_EQ(name->text(), QStringLiteral("Household"));
    EXPECT_EQ(preset->currentData().toString(), QStringLiteral("every 4h")) << "the default schedule is a preset";
    EXPECT_EQ(bullets(preview), 5) << preview->text().toStdString();
    EXPECT_TRUE(pending->isChecked());

    preset->setCurrentIndex(preset->findData(QStringLiteral("custom")));
    custom->setText(QStringLiteral("every 5 parsecs"));
    EXPECT_TRUE(scheduleError->isVisible());
    EXPECT_TRUE(scheduleError->text().contains(QStringLiteral("unknown interval unit")))
        << scheduleError->text().toStdString();
    EXPECT_FALSE(save->isEnabled());
    EXPECT_EQ(bullets(preview), 0);
    test::saveScreenshot(dialog, QStringLiteral("coffer-edit-connection-invalid-schedule.png"));
    custom->setText(QStringLiteral("cron 15 7 * * 1-5"));
    EXPECT_FALSE(scheduleError->isVisible());
    EXPECT_TRUE(save->isEnabled());
    EXPECT_EQ(bullets(preview), 5) << preview->text().toStdString();

    name->setText(QStringLiteral("Family budget"));
    ASSERT_GE(accounts->count(), 2);
    const QString excluded = accounts->item(0)->data(Qt::UserRole + 1).toString();
    accounts->item(0)->setCheckState(Qt::Unchecked);
    pending->setChecked(false);
    auto* paused = dialog->findChild<QCheckBox*>(QStringLiteral("editPausedCheck"));
    ASSERT_NE(paused, nullptr);
    paused->setChecked(true);
    EXPECT_TRUE(preview->text().contains(QStringLiteral("Paused"))) << preview->text().toStdString();
    paused->setChecked(false);
    dialog->resize(dialog->sizeHint());
    test::saveScreenshot(dialog, QStringLiteral("coffer-edit-connection.png"));
    save->click();
    EXPECT_FALSE(dialog->isVisible());

    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("Family budget")) >= 0; }, kTimeoutMs))
        << "the new name shows in the table";
    EXPECT_EQ(cell(QStringLiteral("Family budget"), ui::ConnectionsView::StateColumn), QStringLiteral("Idle"));

    // Opened again, it shows what was saved.
    dialog = openEditor(QStringLiteral("Family budget"));
    ASSERT_NE(dialog, nullptr);
    accounts = dialog->findChild<QListWidget*>(QStringLiteral("editAccountsList"));
    EXPECT_EQ(accounts->item(0)->checkState(), Qt::Unchecked);
    EXPECT_EQ(accounts->item(1)->checkState(), Qt::Checked);
    EXPECT_FALSE(dialog->findChild<QCheckBox*>(QStringLiteral("editPendingCheck"))->isChecked());
    EXPECT_EQ(dialog->findChild<QLineEdit*>(QStringLiteral("scheduleCustomEdit"))->text(),
              QStringLiteral("cron 15 7 * * 1-5"));
    dialog->reject();

    // The next fetch (older history) adds nothing to the excluded account, and more to the others.
    const QHash<QString, int> before = perAccount(id);
    QSignalSpy finished(m_host.get(), &EngineHost::syncFinished);
    m_host->backfill(id, QDate::currentDate().addDays(-400));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
    const auto summary = finished.first().first().value<model::SyncSummary>();
    ASSERT_TRUE(summary.succeeded) << (summary.error ? summary.error->userMessage.toStdString() : "");
    const QHash<QString, int> after = perAccount(id);
    EXPECT_EQ(after.value(excluded), before.value(excluded));
    int grown = 0;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        grown += it.key() != excluded && it.value() > before.value(it.key()) ? 1 : 0;
    EXPECT_GT(grown, 0) << "the history fetch added transactions to the included accounts";

    // Paused from the editor: the table says so.
    dialog = openEditor(QStringLiteral("Family budget"));
    ASSERT_NE(dialog, nullptr);
    dialog->findChild<QCheckBox*>(QStringLiteral("editPausedCheck"))->setChecked(true);
    dialog->findChild<QPushButton*>(QStringLiteral("editOkButton"))->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Family budget"), ui::ConnectionsView::StateColumn) == u"Paused"; },
        kTimeoutMs))
        << cell(QStringLiteral("Family budget"), ui::ConnectionsView::StateColumn).toStdString();
}

TEST_F(ConnectionEditTest, SigningInAgainWithANewSetupTokenClearsReauthRequired)
{
    test::SimpleFinFake fake(QDateTime::currentDateTimeUtc());
    ASSERT_TRUE(fake.listen());
    QUrl stale(fake.accessUrl());
    stale.setPassword(QStringLiteral("revoked"));
    QSignalSpy added(m_host.get(), &EngineHost::connectionAdded);
    m_host->addConnection(model::ConnectionSpec{QStringLiteral("simplefin"),
                                                QStringLiteral("Bridge"),
                                                {{QStringLiteral("minIntervalSeconds"), 0}},
                                                stale.toString()});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !added.isEmpty(); }, kTimeoutMs));
    const qint64 id = added.first().first().toLongLong();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(QStringLiteral("Bridge"), ui::ConnectionsView::StateColumn) == u"Re-authentication required";
        },
        kTimeoutMs))
        << cell(QStringLiteral("Bridge"), ui::ConnectionsView::StateColumn).toStdString();

    m_view->requestReauthenticate(id); // as the dashboard's "Re-authenticate" button does
    auto* dialog = waitForChild<QDialog>(m_view, QStringLiteral("reauthDialog"));
    ASSERT_NE(dialog, nullptr);
    auto* token = dialog->findChild<QPlainTextEdit*>(QStringLiteral("reauthTokenEdit"));
    auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("reauthSubmitButton"));
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("reauthErrorLabel"));
    ASSERT_TRUE(token && submit && error);
    EXPECT_FALSE(submit->isEnabled());
    paste(token, QStringLiteral("garbage"));
    EXPECT_FALSE(submit->isEnabled());
    EXPECT_TRUE(error->isVisible());
    paste(token, fake.setupToken());
    EXPECT_TRUE(submit->isEnabled());
    test::saveScreenshot(dialog, QStringLiteral("coffer-reauthenticate.png"));
    submit->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->isVisible(); }, kTimeoutMs)) << error->text().toStdString();

    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Bridge"), ui::ConnectionsView::TransactionsColumn).toInt() > 0; },
        kTimeoutMs))
        << "the new access works";
    EXPECT_NE(cell(QStringLiteral("Bridge"), ui::ConnectionsView::StateColumn),
              QStringLiteral("Re-authentication required"));
}

TEST_F(ConnectionEditTest, TheEditorOffersSigningInAgain)
{
    addDemo(QStringLiteral("Demo"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("Demo")) >= 0; }, kTimeoutMs));
    ui::ConnectionEditDialog* editor = openEditor(QStringLiteral("Demo"));
    ASSERT_NE(editor, nullptr);
    auto* reauth = editor->findChild<QPushButton*>(QStringLiteral("editReauthButton"));
    ASSERT_TRUE(reauth && reauth->isEnabled());
    QSignalSpy signedIn(m_host.get(), &EngineHost::reauthenticated);
    reauth->click();
    auto* dialog = waitForChild<QDialog>(m_view, QStringLiteral("reauthDialog"));
    ASSERT_NE(dialog, nullptr);
    auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("reauthSubmitButton"));
    ASSERT_TRUE(submit && submit->isEnabled()) << "the demo bank needs nothing pasted";
    submit->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !signedIn.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return !dialog->isVisible(); }, kTimeoutMs));
    editor->reject();
}

} // namespace
