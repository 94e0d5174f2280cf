#pragma once

#include <QMutex>
#include <QSet>

namespace coffer::importers {

// Which import requests the user has stopped. Set from any thread (the UI's Cancel button while
// the engine thread is busy importing), read by the import between batches.
class ImportCancellation {
public:
    void cancel(int requestId)
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled.insert(requestId);
    }
    bool isCancelled(int requestId) const
    {
        QMutexLocker lock(&m_mutex);
        return m_cancelled.contains(requestId);
    }
    // Forgets a request once it has ended, whichever way.
    void forget(int requestId)
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled.remove(requestId);
    }

private:
    mutable QMutex m_mutex;
    QSet<int> m_cancelled;
};

} // namespace coffer::importers
