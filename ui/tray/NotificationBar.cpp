#include "NotificationBar.h"

#include "Theme.h"
#include "WidgetIdentity.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace coffer::ui {

NotificationBar::NotificationBar(QWidget* parent)
    : QFrame(parent)
{
    setIdentity(this, QStringLiteral("notificationBar"), tr("Notification"));
    setFrameShape(QFrame::StyledPanel);
    // Both colours set, so it reads on either palette.
    setStyleSheet(Theme::isDark()
                      ? QStringLiteral("QFrame#notificationBar { background-color: #3d3420; border: 1px solid "
                                       "#7a6424; border-radius: 4px; } QFrame#notificationBar QLabel { color: "
                                       "#f5e6bf; background: transparent; }")
                      : QStringLiteral("QFrame#notificationBar { background-color: #fff4d6; border: 1px solid "
                                       "#e8c76a; border-radius: 4px; } QFrame#notificationBar QLabel { color: "
                                       "#4a3a0c; background: transparent; }"));

    auto* icon = new QLabel(this);
    setIdentity(icon, QStringLiteral("notificationBarIcon"), tr("Attention"));
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24, 24));
    m_title = new QLabel(this);
    setIdentity(m_title, QStringLiteral("notificationBarTitle"), tr("Notification title"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text = new QLabel(this);
    setIdentity(m_text, QStringLiteral("notificationBarText"), tr("Notification text"));
    m_text->setWordWrap(true);
    m_more = new QLabel(this);
    setIdentity(m_more, QStringLiteral("notificationBarMore"), tr("More notifications waiting"));
    m_open = new QPushButton(tr("Show"), this);
    setIdentity(m_open, QStringLiteral("notificationBarOpenButton"), tr("Show where this is about"));
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    setIdentity(m_dismiss, QStringLiteral("notificationBarDismissButton"), tr("Dismiss this notification"));

    auto* words = new QVBoxLayout;
    words->setSpacing(2);
    words->addWidget(m_title);
    words->addWidget(m_text);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(10);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(words, 1);
    layout->addWidget(m_more);
    layout->addWidget(m_open);
    layout->addWidget(m_dismiss);

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_queue.isEmpty())
            return;
        const AlertDestination destination = m_queue.first().destination;
        showNext();
        Q_EMIT openRequested(destination);
    });
    connect(m_dismiss, &QPushButton::clicked, this, &NotificationBar::showNext);
    hide();
}

void NotificationBar::showAlert(const DesktopAlert& alert)
{
    m_queue.append(alert);
    display();
}

void NotificationBar::showNext()
{
    if (!m_queue.isEmpty())
        m_queue.removeFirst();
    display();
}

void NotificationBar::display()
{
    if (m_queue.isEmpty()) {
        hide();
        return;
    }
    const DesktopAlert& shown = m_queue.first();
    m_title->setText(shown.title);
    m_text->setText(shown.text);
    const int more = int(m_queue.size()) - 1;
    m_more->setText(tr("+%n more", "", more));
    m_more->setVisible(more > 0);
    show();
}

} // namespace coffer::ui
