#include "connections/BrowserLinkPanel.h"

#include "EngineHost.h"
#include "WidgetIdentity.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

BrowserLinkPanel::BrowserLinkPanel(EngineHost& host, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
{
    setIdentity(this, QStringLiteral("browserLinkPanel"), tr("Linking in your browser"));
    m_status = new QLabel(this);
    setIdentity(m_status, QStringLiteral("linkStatusLabel"), tr("Progress"));
    m_status->setWordWrap(true);
    m_reopen = new QPushButton(tr("Open again"), this);
    setIdentity(m_reopen, QStringLiteral("linkReopenButton"), tr("Open the Plaid page in the browser again"));
    m_reopen->setToolTip(tr("If the browser did not open, or you closed the tab by mistake."));
    m_cancel = new QPushButton(tr("Stop waiting"), this);
    setIdentity(m_cancel, QStringLiteral("linkCancelButton"), tr("Stop waiting for the browser"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_reopen);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    hide();

    connect(m_reopen, &QPushButton::clicked, this, [this] {
        if (m_url.isValid())
            QDesktopServices::openUrl(m_url);
    });
    connect(m_cancel, &QPushButton::clicked, this, &BrowserLinkPanel::cancel);
    connect(&m_host, &EngineHost::linkOpened, this, [this](int requestId, const QUrl& url) {
        if (requestId != m_request)
            return;
        m_url = url;
        m_status->setText(tr("Plaid is open in your browser. Choose your bank and sign in there; Coffer "
                             "continues on its own when you are done."));
        m_reopen->show();
        QDesktopServices::openUrl(url);
    });
    connect(&m_host, &EngineHost::linkFailed, this, [this](int requestId, const QString& message) {
        if (requestId != m_request)
            return;
        stopWaiting();
        Q_EMIT failed(message);
    });
    connect(&m_host, &EngineHost::linkCompleted, this, [this](int requestId, qint64 connectionId) {
        if (requestId != m_request)
            return;
        stopWaiting();
        Q_EMIT completed(connectionId);
    });
}

BrowserLinkPanel::~BrowserLinkPanel()
{
    if (m_request != 0)
        m_host.cancelLink(m_request);
}

void BrowserLinkPanel::start(const model::LinkRequest& request, const QString& busyText)
{
    if (m_request != 0)
        return;
    m_url.clear();
    m_status->setText(busyText);
    m_reopen->hide();
    m_cancel->setVisible(!request.sandboxTestItem);
    show();
    m_request = m_host.beginLink(request);
    Q_EMIT waitingChanged(true);
}

void BrowserLinkPanel::cancel()
{
    if (m_request == 0)
        return;
    m_host.cancelLink(m_request);
    stopWaiting();
}

void BrowserLinkPanel::stopWaiting()
{
    m_request = 0;
    m_url.clear();
    hide();
    Q_EMIT waitingChanged(false);
}

} // namespace coffer::ui
