#include "AppIcon.h"

#include <QGuiApplication>

namespace coffer::ui {

const QList<int>& AppIcon::sizes()
{
    // The PNGs resources/icons/CMakeLists.txt puts into the coffer_app_icon resource.
    static const QList<int> kSizes{16, 22, 24, 32, 48, 64, 128, 256};
    return kSizes;
}

QIcon AppIcon::icon()
{
    QIcon icon;
    for (int size : sizes())
        icon.addFile(QStringLiteral(":/icons/coffer-%1.png").arg(size), QSize(size, size));
    return icon;
}

void AppIcon::install()
{
    QGuiApplication::setWindowIcon(icon());
}

} // namespace coffer::ui
