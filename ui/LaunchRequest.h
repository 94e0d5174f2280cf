#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace coffer::ui {

// What a launch of coffer asks for: the window in front (not for --minimized, the login autostart)
// and bank files to import (as a file manager's "Open with" passes them). A second launch hands
// its request to the running Coffer (see SingleInstance).
struct LaunchRequest {
    bool showWindow = true;
    QStringList files; // absolute local paths
    // The launcher's XDG_ACTIVATION_TOKEN (Wayland): the one thing that lets the running Coffer's
    // window take the focus for this launch instead of the compositor just flagging it.
    QString activationToken;

    // The files named on a command line: paths (relative ones against workingDir) and file:// URLs.
    // Other URLs cannot be imported and are left out, each with a line in `skipped`.
    static LaunchRequest fromArguments(const QStringList& arguments, const QString& workingDir, bool showWindow,
                                       QStringList* skipped = nullptr);
};

// The message a second launch sends the running one over the local socket:
//   "COFFER" | version (1 byte) | kind (1 byte) | payload length (4 bytes, big-endian) | payload
// where the payload is the activation token (printable ASCII, possibly empty), then the files'
// paths in UTF-8, each ended by a NUL byte. Bounded: a message
// is never longer than kMaxSize, and anything else on the socket is recognized as not ours.
namespace launchMessage {

inline constexpr qsizetype kMaxSize = 64 * 1024;
inline constexpr char kAcknowledged = 'K'; // the running Coffer's one-byte answer

// Empty when the request does not fit in kMaxSize (thousands of files).
QByteArray encode(const LaunchRequest& request);

struct Decoded {
    enum class State { NeedMore, Complete, Invalid };
    State state = State::NeedMore;
    LaunchRequest request; // when Complete
    QString problem;       // when Invalid: what is wrong, without quoting the bytes
};
// Decodes the bytes read so far; bytes after a complete message are ignored.
Decoded decode(const QByteArray& bytes);

} // namespace launchMessage

} // namespace coffer::ui

Q_DECLARE_METATYPE(coffer::ui::LaunchRequest)
