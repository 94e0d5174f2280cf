#include "model/Money.h"

#include <QLocale>

#include <benchmark/benchmark.h>

using coffer::model::Money;

static void BM_MoneyParse(benchmark::State& state)
{
    const QString text = QStringLiteral("-1,234,567.89");
    const QString usd = QStringLiteral("USD");
    const QLocale c = QLocale::c();
    for (auto _ : state) {
        auto parsed = Money::parse(text, usd, c);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyParse);

static void BM_MoneyFormat(benchmark::State& state)
{
    const Money m(-123456789, QStringLiteral("USD"));
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    for (auto _ : state) {
        auto text = m.format(us);
        benchmark::DoNotOptimize(text);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyFormat);
