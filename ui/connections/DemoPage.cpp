#include "connections/DemoPage.h"

#include "Theme.h"
#include "WidgetIdentity.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr qint64 kMaxSeed = 999999999;
}

DemoPage::DemoPage(QWidget* parent)
    : SpecPage(parent)
    , m_randomSeed(QRandomGenerator::global()->bounded(1u, 1000000u))
{
    setIdentity(this, QStringLiteral("demoPage"), tr("Demo bank"));
    setTitle(tr("Demo bank"));
    setSubTitle(tr("A bank that exists only on this computer, with generated accounts and transactions."));

    m_name = new QLineEdit(tr("Demo Bank"), this);
    setIdentity(m_name, QStringLiteral("demoNameEdit"), tr("Connection name"));
    m_seed = new QLineEdit(this);
    setIdentity(m_seed, QStringLiteral("demoSeedEdit"), tr("Seed"));
    m_seed->setPlaceholderText(tr("Random"));
    m_seed->setToolTip(tr("The same seed always generates the same bank."));
    m_error = new QLabel(this);
    setIdentity(m_error, QStringLiteral("demoErrorLabel"), tr("Problem with the input"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorBoxStyleSheet());
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Seed (optional):"), m_seed);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);

    for (QLineEdit* edit : {m_name, m_seed}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            const QString reason = problem();
            m_error->setText(reason);
            m_error->setVisible(!reason.isEmpty());
            Q_EMIT completeChanged();
        });
    }
}

QString DemoPage::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the connection a name.");
    const QString seed = m_seed->text().trimmed();
    if (seed.isEmpty())
        return {};
    bool ok = false;
    const qint64 value = seed.toLongLong(&ok);
    if (!ok || value < 1 || value > kMaxSeed)
        return tr("The seed must be a whole number from 1 to %1, or empty for a random one.").arg(kMaxSeed);
    return {};
}

model::ConnectionSpec DemoPage::spec() const
{
    model::ConnectionSpec spec;
    spec.provider = QStringLiteral("demo");
    spec.name = m_name->text().simplified();
    const QString seed = m_seed->text().trimmed();
    spec.options.insert(QStringLiteral("seed"), seed.isEmpty() ? qint64(m_randomSeed) : seed.toLongLong());
    return spec;
}

QString DemoPage::summary() const
{
    return tr("A demo bank named \u201c%1\u201d, with generated accounts and transactions.")
        .arg(m_name->text().simplified());
}

QString DemoPage::addedText() const
{
    return tr("\u201c%1\u201d was added. Coffer is fetching its transactions now.").arg(m_name->text().simplified());
}

} // namespace coffer::ui
