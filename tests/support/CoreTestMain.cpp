// main() for engine tests: a QCoreApplication (event loop, QStandardPaths) around GoogleTest.

#include "log/Log.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Coffer-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    QTemporaryDir logs;
    (void)coffer::log::init(logs.path(), QStringLiteral("debug"), false);
    return RUN_ALL_TESTS();
}
