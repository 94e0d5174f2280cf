#include "connections/ConnectionEditDialog.h"

#include "EngineHost.h"
#include "Format.h"
#include "WidgetIdentity.h"
#include "connections/ScheduleEditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kAccountIdRole = Qt::UserRole + 1;

QGroupBox* group(QWidget* parent, const QString& objectName, const QString& title)
{
    auto* box = new QGroupBox(title, parent);
    setIdentity(box, objectName, title);
    return box;
}
} // namespace

ConnectionEditDialog::ConnectionEditDialog(EngineHost& host, qint64 connectionId, QWidget* parent)
    : QDialog(parent)
    , m_host(host)
    , m_connectionId(connectionId)
{
    setIdentity(this, QStringLiteral("connectionEditDialog"), tr("Edit connection"));
    setWindowTitle(tr("Edit connection"));
    setMinimumWidth(560);

    m_provider = new QLabel(tr("Loading\u2026"), this);
    setIdentity(m_provider, QStringLiteral("editProviderLabel"), tr("Provider"));
    m_name = new QLineEdit(this);
    setIdentity(m_name, QStringLiteral("editNameEdit"), tr("Connection name"));
    m_reauth = new QPushButton(tr("Sign in again\u2026"), this);
    setIdentity(m_reauth, QStringLiteral("editReauthButton"), tr("Sign in to the bank again"));
    auto* general = new QFormLayout;
    general->addRow(tr("Provider:"), m_provider);
    general->addRow(tr("&Name:"), m_name);
    auto* reauthRow = new QHBoxLayout;
    reauthRow->addWidget(m_reauth);
    reauthRow->addStretch(1);
    general->addRow(QString(), reauthRow);

    QGroupBox* scheduleBox = group(this, QStringLiteral("editScheduleGroup"), tr("Schedule"));
    m_schedule = new ScheduleEditor(scheduleBox);
    m_unscheduled = new QLabel(tr("Updated by importing bank files: never synced on a schedule."), scheduleBox);
    setIdentity(m_unscheduled, QStringLiteral("editUnscheduledLabel"), tr("Not scheduled"));
    m_unscheduled->setWordWrap(true);
    m_unscheduled->hide();
    m_paused = new QCheckBox(tr("&Paused: sync only when I ask"), scheduleBox);
    setIdentity(m_paused, QStringLiteral("editPausedCheck"), tr("Paused"));
    auto* scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->addWidget(m_schedule);
    scheduleLayout->addWidget(m_unscheduled);
    scheduleLayout->addWidget(m_paused);

    QGroupBox* importBox = group(this, QStringLiteral("editImportGroup"), tr("What to import"));
    m_accounts = new QListWidget(importBox);
    setIdentity(m_accounts, QStringLiteral("editAccountsList"), tr("Accounts to import"));
    m_accounts->setMaximumHeight(m_accounts->fontMetrics().height() * 7);
    m_pending = new QCheckBox(tr("Import &pending transactions before they post"), importBox);
    setIdentity(m_pending, QStringLiteral("editPendingCheck"), tr("Import pending transactions"));
    auto* importLayout = new QVBoxLayout(importBox);
    auto* accountsHint =
        new QLabel(tr("Transactions of unticked accounts are left out of every sync from now on."), importBox);
    setIdentity(accountsHint, QStringLiteral("editAccountsHint"), tr("About excluded accounts"));
    accountsHint->setWordWrap(true);
    importLayout->addWidget(accountsHint);
    importLayout->addWidget(m_accounts);
    importLayout->addWidget(m_pending);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    setIdentity(m_buttons, QStringLiteral("editButtons"), tr("Dialog buttons"));
    setIdentity(m_buttons->button(QDialogButtonBox::Ok), QStringLiteral("editOkButton"), tr("Save changes"));
    setIdentity(m_buttons->button(QDialogButtonBox::Cancel), QStringLiteral("editCancelButton"), tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(general);
    layout->addWidget(scheduleBox);
    layout->addWidget(importBox);
    layout->addWidget(m_buttons);

    for (QWidget* w : std::initializer_list<QWidget*>{m_name, scheduleBox, importBox, m_reauth})
        w->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionEditDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ConnectionEditDialog::updateOk);
    connect(m_schedule, &ScheduleEditor::validityChanged, this, &ConnectionEditDialog::updateOk);
    connect(m_paused, &QCheckBox::toggled, m_schedule, &ScheduleEditor::setPaused);
    connect(m_reauth, &QPushButton::clicked, this, [this] { Q_EMIT reauthenticateRequested(m_connectionId); });
    connect(&m_host, &EngineHost::connectionDescribed, this, [this](const model::ConnectionDetails& d) {
        if (d.connectionId == m_connectionId && !m_loaded)
            fill(d);
    });
    updateOk();
    m_host.describeConnection(m_connectionId);
}

void ConnectionEditDialog::fill(const model::ConnectionDetails& d)
{
    m_details = d;
    m_loaded = true;
    m_provider->setText(d.institution.isEmpty() || d.institution == Format::providerName(d.provider)
                            ? Format::providerName(d.provider)
                            : tr("%1 \u00b7 %2").arg(Format::providerName(d.provider), d.institution));
    m_name->setText(d.name);
    m_schedule->setSchedule(d.schedule, d.lastSuccessAt);
    m_schedule->setVisible(d.scheduled);
    m_unscheduled->setVisible(!d.scheduled);
    m_paused->setChecked(d.paused);
    m_paused->setVisible(d.scheduled);
    m_pending->setChecked(d.importPending);
    // A file-only account imports whatever file it is given: nothing to choose here.
    findChild<QGroupBox*>(QStringLiteral("editImportGroup"))->setVisible(d.scheduled);
    for (const model::AccountChoice& a : d.accounts) {
        const QString mask = a.mask.isEmpty() ? QString() : QStringLiteral(" \u2022\u2022%1").arg(a.mask);
        auto* item = new QListWidgetItem(QStringLiteral("%1%2 (%3)").arg(a.name, mask, a.currency), m_accounts);
        item->setData(kAccountIdRole, a.providerId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(a.excluded ? Qt::Unchecked : Qt::Checked);
    }
    if (d.accounts.isEmpty())
        new QListWidgetItem(tr("No accounts yet: they appear after the first sync."), m_accounts);
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_name, findChild<QGroupBox*>(QStringLiteral("editScheduleGroup")),
                                         findChild<QGroupBox*>(QStringLiteral("editImportGroup"))})
        w->setEnabled(true);
    m_reauth->setEnabled(d.provider != u"file");
    m_reauth->setToolTip(d.provider == u"file" ? tr("A file-only account has no sign-in.") : QString());
    updateOk();
}

QStringList ConnectionEditDialog::excludedAccounts() const
{
    QStringList out;
    for (int row = 0; row < m_accounts->count(); ++row) {
        const QListWidgetItem* item = m_accounts->item(row);
        if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Unchecked)
            out << item->data(kAccountIdRole).toString();
    }
    return out;
}

void ConnectionEditDialog::updateOk()
{
    const bool ok = m_loaded && !m_name->text().trimmed().isEmpty() && (!m_details.scheduled || m_schedule->isValid());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void ConnectionEditDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const qint64 id = m_connectionId;
    if (m_name->text().simplified() != m_details.name)
        m_host.renameConnection(id, m_name->text().simplified());
    if (m_details.scheduled) {
        if (m_schedule->scheduleText() != m_details.schedule)
            m_host.setSchedule(id, m_schedule->scheduleText());
        if (m_paused->isChecked() != m_details.paused)
            m_host.setConnectionPaused(id, m_paused->isChecked());
        if (m_pending->isChecked() != m_details.importPending)
            m_host.setImportPending(id, m_pending->isChecked());
    }
    QStringList excluded = excludedAccounts();
    QStringList before;
    for (const model::AccountChoice& a : m_details.accounts) {
        if (a.excluded)
            before << a.providerId;
    }
    excluded.sort();
    before.sort();
    if (excluded != before)
        m_host.setExcludedAccounts(id, excluded);
    QDialog::accept();
}

} // namespace coffer::ui
