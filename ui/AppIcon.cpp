#include "AppIcon.h"

#include <QDir>
#include <QGuiApplication>

#include <algorithm>

namespace coffer::ui {

namespace {

const QString kFolder = QStringLiteral(":/icons");

} // namespace

const QList<int>& AppIcon::sizes()
{
    // Whatever sizes resources/icons/CMakeLists.txt compiled in, read from their names.
    static const QList<int> kSizes = [] {
        QList<int> sizes;
        const QStringList names = QDir(kFolder).entryList({QStringLiteral("coffer-*.png")}, QDir::Files);
        for (const QString& name : names) {
            bool ok = false;
            const int size = name.sliced(7, name.size() - 11).toInt(&ok); // "coffer-" N ".png"
            if (ok)
                sizes.append(size);
        }
        std::sort(sizes.begin(), sizes.end());
        return sizes;
    }();
    return kSizes;
}

QIcon AppIcon::icon()
{
    QIcon icon;
    for (int size : sizes())
        icon.addFile(kFolder + QStringLiteral("/coffer-%1.png").arg(size), QSize(size, size));
    return icon;
}

void AppIcon::install()
{
    QGuiApplication::setWindowIcon(icon());
}

} // namespace coffer::ui
