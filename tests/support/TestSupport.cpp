#include "TestSupport.h"

#include <QTest>
#include <QUuid>

namespace coffer::test {

QString uniqueKeychainService()
{
    return QStringLiteral("Coffer-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

QDateTime fixedNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);
}

} // namespace coffer::test
