#pragma once

#include <QtGlobal>

namespace coffer::bench {

// splitmix64: the synthetic data sets must be identical on every machine and every run, which the
// standard library's distributions do not promise.
class BenchRandom {
public:
    explicit BenchRandom(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [low, high]; the modulo bias is far below anything a benchmark could notice.
    qint64 between(qint64 low, qint64 high) { return low + qint64(next() % quint64(high - low + 1)); }

    bool chance(int percent) { return between(0, 99) < percent; }

private:
    quint64 m_state;
};

} // namespace coffer::bench
