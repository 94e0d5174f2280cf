#include "providers/ConnectorFactory.h"

#include "providers/demo/DemoConnector.h"
#include "providers/file/FileConnector.h"
#include "providers/plaid/PlaidConnector.h"
#include "providers/simplefin/SimpleFinConnector.h"

namespace coffer::providers {

QStringList knownProviders()
{
    return {QStringLiteral("demo"), QStringLiteral("simplefin"), QStringLiteral("plaid"), QStringLiteral("file")};
}

std::unique_ptr<Connector> createConnector(const QString& provider, const schedule::Clock& clock)
{
    if (provider == u"demo")
        return std::make_unique<demo::DemoConnector>(clock);
    if (provider == u"simplefin")
        return std::make_unique<simplefin::SimpleFinConnector>(clock);
    if (provider == u"plaid")
        return std::make_unique<plaid::PlaidConnector>();
    if (provider == u"file")
        return std::make_unique<file::FileConnector>();
    return nullptr;
}

QString initialCredential(const QString& provider)
{
    if (provider == u"demo")
        return demo::DemoConnector::issueToken();
    return {};
}

} // namespace coffer::providers
