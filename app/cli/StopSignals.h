#pragma once

namespace coffer::cli {

// SIGINT and SIGTERM quit the application's event loop cleanly (a self-pipe read by a
// QSocketNotifier: nothing but write() happens inside the signal handler), so the daemon
// finishes or rolls back the sync in flight before it exits.
void quitOnStopSignals();

} // namespace coffer::cli
