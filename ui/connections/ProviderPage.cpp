#include "connections/ProviderPage.h"

#include "WidgetIdentity.h"
#include "connections/ProviderCatalog.h"
#include "connections/WizardPageIds.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace coffer::ui {

ProviderPage::ProviderPage(QWidget* parent)
    : QWizardPage(parent)
{
    setIdentity(this, QStringLiteral("providerPage"), tr("Choose a provider"));
    setTitle(tr("Choose how to connect"));
    setSubTitle(tr("Coffer fetches transactions from your bank through a provider, or you import bank files."));

    m_list = new QListWidget(this);
    setIdentity(m_list, QStringLiteral("providerList"), tr("Providers"));
    m_list->setStyleSheet(QStringLiteral("QListWidget#providerList::item { padding: 5px 6px; }"));
    m_list->setWordWrap(true);
    for (const ProviderCatalog::Entry& entry : ProviderCatalog::entries()) {
        const QString detail = entry.available ? entry.summary : tr("Not available in this version yet");
        auto* item = new QListWidgetItem(entry.name + u'\n' + detail, m_list);
        item->setData(kProviderIdRole, entry.id);
        item->setToolTip(entry.available ? entry.summary
                                         : tr("%1: not available in this version yet.").arg(entry.name));
        if (!entry.available)
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
    }
    m_list->setCurrentRow(0); // the demo bank: safe to try, and the view would pick it on focus anyway
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::currentItemChanged, this, &ProviderPage::completeChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (isComplete() && wizard())
            wizard()->next();
    });
}

QString ProviderPage::selectedProvider() const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return {};
    return item->data(kProviderIdRole).toString();
}

bool ProviderPage::selectProvider(const QString& providerId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (item->data(kProviderIdRole).toString() == providerId && (item->flags() & Qt::ItemIsEnabled)) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool ProviderPage::isComplete() const
{
    return !selectedProvider().isEmpty();
}

int ProviderPage::nextId() const
{
    const QString id = selectedProvider();
    if (id == u"demo")
        return DemoPageId;
    if (id == u"simplefin")
        return SimpleFinPageId;
    if (id == u"file")
        return FilePageId;
    if (id == u"plaid")
        return PlaidPageId;
    // Never -1: that would make this the last page, with Finish in place of Next. isComplete()
    // keeps the user here until a provider is chosen.
    return DemoPageId;
}

} // namespace coffer::ui
