// Coffer's windows and its About box show the icon rendered from resources/icons/coffer.svg
// (compiled into coffer_ui), at every size a window system asks for.

#include "AppIcon.h"
#include "settings/AboutDialog.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QWidget>

#include <gtest/gtest.h>

using namespace coffer;

namespace {

QImage rendered(int size)
{
    return QImage(QStringLiteral(COFFER_ICON_DIR "/coffer-%1.png").arg(size), "PNG")
        .convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

QImage pixels(const QPixmap& pixmap)
{
    return pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

TEST(AppIcon, HasTheBuildsRenderingAtEverySize)
{
    const QIcon icon = ui::AppIcon::icon();
    for (int size : ui::AppIcon::sizes()) {
        const QPixmap pixmap = icon.pixmap(QSize(size, size));
        ASSERT_EQ(pixmap.width(), size);
        ASSERT_EQ(pixmap.height(), size);
        EXPECT_TRUE(pixels(pixmap) == rendered(size)) << size << " px is not the rendered coffer-" << size << ".png";
    }
    EXPECT_EQ(ui::AppIcon::sizes(), QList<int>({16, 22, 24, 32, 48, 64, 128, 256}));
}

TEST(AppIcon, EveryWindowShowsItOnceInstalled)
{
    ui::AppIcon::install();
    QWidget window;
    EXPECT_TRUE(pixels(window.windowIcon().pixmap(QSize(32, 32))) == rendered(32));
    EXPECT_TRUE(pixels(QApplication::windowIcon().pixmap(QSize(16, 16))) == rendered(16));
}

TEST(AppIcon, TheAboutBoxShowsIt)
{
    ui::AboutDialog about;
    auto* label = about.findChild<QLabel*>(QStringLiteral("aboutIcon"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(pixels(label->pixmap()) == rendered(64));
}

} // namespace
