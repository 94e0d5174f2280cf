// The main of the tray and settings UI tests: a QApplication, and QSettings kept in a temporary
// folder so no test reads or writes the user's own preferences.

#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CofferTests"));
    QCoreApplication::setApplicationName(QStringLiteral("CofferUiTests"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COFFER_VERSION));
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    return RUN_ALL_TESTS();
}
