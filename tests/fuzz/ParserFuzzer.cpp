// libFuzzer target for one bank file parser: compiled once per format with
// COFFER_FUZZ_FORMAT=<Format enumerator> (tests/fuzz/CMakeLists.txt). Parses each input from a
// QBuffer into a sink that keeps nothing. A crash, a sanitizer report, a hang (-timeout) or
// unbounded memory (-rss_limit_mb) is a finding; so is a failed parse without a message, which
// the user would see as an empty error.

#include "importers/StatementParser.h"

#include <QBuffer>
#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace coffer;

// Touches what a real sink reads (so the parser's values are built and read), keeps nothing.
class DiscardingSink final : public importers::StatementSink {
public:
    void account(const importers::StatementAccount& account) override { m_bytes += account.id.size(); }
    void transaction(providers::ProviderTransaction transaction) override
    {
        m_bytes += transaction.providerId.size() + transaction.description.size() + transaction.raw.size();
    }
    void removed(const providers::RemovedTransaction& removed) override { m_bytes += removed.providerId.size(); }
    void notice(const QString& text) override { m_bytes += text.size(); }

private:
    qsizetype m_bytes = 0;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    if (!importers::makeParser(importers::Format::COFFER_FUZZ_FORMAT)) {
        std::printf("no %s parser yet: nothing to fuzz\n",
                    qPrintable(importers::formatId(importers::Format::COFFER_FUZZ_FORMAT)));
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto parser = importers::makeParser(importers::Format::COFFER_FUZZ_FORMAT);
    // Without the Qt-owned copy: the parser must never read past what the buffer holds.
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    importers::ParseOptions options;
    options.defaultCurrency = QStringLiteral("EUR"); // so QIF and CSV files get past the currency
    DiscardingSink sink;
    const model::Status parsed = parser->parse(buffer, options, sink);
    if (!parsed.ok() && parsed.error().userMessage.isEmpty()) {
        std::fprintf(stderr, "a failed parse without a message\n");
        std::abort();
    }
    return 0;
}
