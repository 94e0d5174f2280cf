#include "connections/ConnectPage.h"

#include "EngineHost.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "connections/SpecPage.h"
#include "connections/WizardPageIds.h"

#include <QAbstractButton>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

namespace coffer::ui {

ConnectPage::ConnectPage(EngineHost& host, QWidget* parent)
    : QWizardPage(parent)
    , m_host(host)
{
    setIdentity(this, QStringLiteral("connectPage"), tr("Adding the connection"));
    setTitle(tr("Adding the connection"));
    m_summary = new QLabel(this);
    setIdentity(m_summary, QStringLiteral("connectSummaryLabel"), tr("What will be added"));
    m_summary->setWordWrap(true);
    m_status = new QLabel(this);
    setIdentity(m_status, QStringLiteral("connectStatusLabel"), tr("Progress"));
    m_status->setWordWrap(true);
    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("connectErrorLabel"), tr("Why the connection was not added"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(&m_host, &EngineHost::connectionAdded, this, &ConnectPage::onAdded);
    connect(&m_host, &EngineHost::connectionAddFailed, this, &ConnectPage::onFailed);
}

SpecPage* ConnectPage::describingPage() const
{
    const QList<int> visited = wizard() ? wizard()->visitedIds() : QList<int>();
    for (auto it = visited.crbegin(); it != visited.crend(); ++it) {
        if (auto* page = qobject_cast<SpecPage*>(wizard()->page(*it)))
            return page;
    }
    return nullptr;
}

void ConnectPage::initializePage()
{
    m_addedId = 0;
    m_error->hide();
    SpecPage* page = describingPage();
    if (!page)
        return;
    m_summary->setText(page->summary());
    m_status->setText(tr("Adding\u2026"));
    m_waiting = true;
    m_host.addConnection(page->spec());
    Q_EMIT completeChanged();
}

void ConnectPage::cleanupPage()
{
    m_waiting = false; // going back: an answer still on its way is not for what the user edits now
    m_status->clear();
    m_error->hide();
}

bool ConnectPage::isComplete() const
{
    return m_addedId != 0;
}

void ConnectPage::onAdded(qint64 connectionId)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    m_addedId = connectionId;
    const SpecPage* page = describingPage();
    m_status->setText(page ? page->addedText() : tr("The connection was added."));
    Q_EMIT completeChanged();
    // It exists now: going back and on again would only add it a second time. (After the
    // wizard's own button update, which completeChanged() has just run.)
    if (QAbstractButton* back = wizard() ? wizard()->button(QWizard::BackButton) : nullptr)
        back->setEnabled(false);
}

void ConnectPage::onFailed(const QString& message)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    m_status->setText(tr("The connection was not added. Go back to correct it, or cancel."));
    m_error->setText(message);
    m_error->show();
    Q_EMIT completeChanged();
}

} // namespace coffer::ui
