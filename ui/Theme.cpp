#include "Theme.h"

#include <QGuiApplication>
#include <QPalette>

namespace coffer::ui {

bool Theme::isDark()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QColor Theme::negativeAmount()
{
    return isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0x9b, 0x1c, 0x1c);
}

QColor Theme::pendingText()
{
    return isDark() ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x6b, 0x6b, 0x6b);
}

QColor Theme::pendingNegativeAmount()
{
    return isDark() ? QColor(0xc9, 0x8a, 0x85) : QColor(0xa8, 0x55, 0x55);
}

QString Theme::errorBoxStyleSheet()
{
    return QStringLiteral("QLabel { color: #7f1d1d; background-color: #fdecea; border: 1px solid #f3b8b3;"
                          " border-radius: 4px; padding: 6px 8px; }");
}

QString Theme::statePillStyleSheet(model::ConnectionState state)
{
    using model::ConnectionState;
    QString foreground = QStringLiteral("#1f4f2e");
    QString background = QStringLiteral("#dcf1e2");
    switch (state) {
    case ConnectionState::Idle:
        break;
    case ConnectionState::Queued:
        foreground = QStringLiteral("#334155");
        background = QStringLiteral("#e2e8f0");
        break;
    case ConnectionState::Syncing:
        foreground = QStringLiteral("#1e3a8a");
        background = QStringLiteral("#dbe7fd");
        break;
    case ConnectionState::Error:
        foreground = QStringLiteral("#7f1d1d");
        background = QStringLiteral("#fbdcd9");
        break;
    case ConnectionState::Paused:
        foreground = QStringLiteral("#3f3f46");
        background = QStringLiteral("#e4e4e7");
        break;
    case ConnectionState::ReauthRequired:
    case ConnectionState::ReauthSoon:
        foreground = QStringLiteral("#713f12");
        background = QStringLiteral("#fdecc8");
        break;
    }
    return QStringLiteral("QLabel { color: %1; background-color: %2; border-radius: 9px; padding: 2px 10px; }")
        .arg(foreground, background);
}

QString Theme::cardStyleSheet()
{
    return QStringLiteral("QFrame#connectionCard { background-color: palette(base);"
                          " border: 1px solid palette(mid); border-radius: 8px; }");
}

QString Theme::tableStyleSheet()
{
    return QStringLiteral("QHeaderView::section { padding: 5px 9px; border: none;"
                          " border-bottom: 1px solid palette(mid); background-color: palette(base);"
                          " font-weight: 600; }");
}

} // namespace coffer::ui
