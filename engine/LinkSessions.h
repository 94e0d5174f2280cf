#pragma once

#include "model/LinkRequest.h"
#include "model/Result.h"

#include <QString>
#include <QVariantMap>

#include <map>
#include <memory>
#include <set>

namespace coffer::schedule {
class Clock;
}
namespace coffer::store {
class Database;
}

namespace coffer {

class ConnectionEditor;
class Engine;

// Banks linked through a provider's hosted sign-in in the user's browser (Plaid Hosted Link), for
// EngineCore: a new connection is added through ConnectionEditor's add path once the item is
// linked; update mode signs an existing connection in again through its sign-in path, keeping the
// item and its accounts. Answers with the facade's linkOpened/linkFailed/linkCompleted (besides the
// editor's own signals). Thread affinity: the engine thread.
class LinkSessions {
public:
    LinkSessions(Engine& facade, store::Database& db, ConnectionEditor& editor, const schedule::Clock& clock,
                 QString installationId);
    ~LinkSessions();

    void begin(const model::LinkRequest& request);
    // Stops waiting for the user; nothing more is reported for the request.
    void cancel(int requestId);

private:
    struct Session;
    void start(const model::LinkRequest& request, const QVariantMap& options, const QString& storedSecret);
    void fail(int requestId, const QString& message);
    void drop(int requestId);

    Engine& m_facade;
    store::Database& m_db;
    ConnectionEditor& m_editor;
    const schedule::Clock& m_clock;
    QString m_installationId;
    std::map<int, std::unique_ptr<Session>> m_sessions;
    std::set<int> m_readingSecret; // update-mode requests waiting for the keychain; cancel() removes them
};

} // namespace coffer
