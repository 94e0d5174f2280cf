#include "AboutDialog.h"

#include "AppIcon.h"
#include "WidgetIdentity.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setIdentity(this, QStringLiteral("aboutDialog"), tr("About Coffer"));
    setWindowTitle(tr("About Coffer"));

    auto* icon = new QLabel(this);
    setIdentity(icon, QStringLiteral("aboutIcon"), tr("Coffer icon"));
    icon->setPixmap(AppIcon::icon().pixmap(64, 64));
    auto* name = new QLabel(tr("Coffer"), this);
    setIdentity(name, QStringLiteral("aboutName"), tr("Application name"));
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    name->setFont(big);
    auto* version = new QLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()), this);
    setIdentity(version, QStringLiteral("aboutVersionLabel"), tr("Version"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* text = new QLabel(tr("Keeps your bank transactions up to date on your own computer. Your credentials stay "
                               "in the system keychain; your data stays in one file you own.\n\nBuilt with Qt %1.")
                                .arg(QString::fromLatin1(qVersion())),
                            this);
    setIdentity(text, QStringLiteral("aboutText"), tr("About"));
    text->setWordWrap(true);

    auto* words = new QVBoxLayout;
    words->addWidget(name);
    words->addWidget(version);
    words->addSpacing(8);
    words->addWidget(text);
    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(words, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    setIdentity(buttons, QStringLiteral("aboutButtons"), tr("Dialog buttons"));
    setIdentity(buttons->button(QDialogButtonBox::Close), QStringLiteral("aboutCloseButton"), tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    // Wrapped text needs its height for the width it gets, not for its one-line size hint.
    constexpr int kWidth = 460;
    setMinimumWidth(kWidth);
    resize(kWidth, std::max(sizeHint().height(), heightForWidth(kWidth)));
}

} // namespace coffer::ui
