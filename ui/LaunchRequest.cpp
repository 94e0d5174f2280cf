#include "LaunchRequest.h"

#include <QDir>
#include <QStringDecoder>
#include <QUrl>
#include <QtEndian>

#include <algorithm>

namespace coffer::ui {

namespace {

const QByteArray kMagic = QByteArrayLiteral("COFFER");
constexpr quint8 kVersion = 1;
constexpr qsizetype kHeaderSize = 6 + 1 + 1 + 4; // magic, version, kind, payload length
constexpr qsizetype kMaxTokenSize = 1024;

enum class Kind : quint8 { Show = 1, Quiet = 2 };

// Activation tokens are short words of printable ASCII (the spec leaves the form to the compositor).
bool isUsableToken(const QByteArray& token)
{
    return token.size() <= kMaxTokenSize &&
           std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

launchMessage::Decoded invalid(const QString& problem)
{
    launchMessage::Decoded decoded;
    decoded.state = launchMessage::Decoded::State::Invalid;
    decoded.problem = problem;
    return decoded;
}

} // namespace

LaunchRequest LaunchRequest::fromArguments(const QStringList& arguments, const QString& workingDir, bool showWindow,
                                           QStringList* skipped)
{
    LaunchRequest request;
    request.showWindow = showWindow;
    for (const QString& argument : arguments) {
        const QUrl url = QUrl::fromUserInput(argument, workingDir, QUrl::AssumeLocalFile);
        if (!url.isLocalFile()) {
            if (skipped)
                skipped->append(argument);
            continue;
        }
        request.files.append(QDir::cleanPath(url.toLocalFile()));
    }
    return request;
}

namespace launchMessage {

QByteArray encode(const LaunchRequest& request)
{
    const QByteArray token = request.activationToken.toLatin1();
    QByteArray payload = (isUsableToken(token) ? token : QByteArray()) + '\0'; // a strange one is not passed on
    for (const QString& path : request.files) {
        payload += path.toUtf8();
        payload += '\0';
    }
    if (kHeaderSize + payload.size() > kMaxSize)
        return {};
    QByteArray message = kMagic;
    message += char(kVersion);
    message += char(request.showWindow ? Kind::Show : Kind::Quiet);
    char length[4];
    qToBigEndian(quint32(payload.size()), length);
    message.append(length, sizeof length);
    return message + payload;
}

Decoded decode(const QByteArray& bytes)
{
    // Checked as soon as each part has arrived, so a stranger's bytes are turned away early.
    if (!kMagic.startsWith(bytes.left(kMagic.size())))
        return invalid(QStringLiteral("not a Coffer launch message"));
    if (bytes.size() > kMagic.size() && quint8(bytes.at(kMagic.size())) != kVersion)
        return invalid(QStringLiteral("message version %1, this Coffer reads version %2")
                           .arg(quint8(bytes.at(kMagic.size())))
                           .arg(kVersion));
    if (bytes.size() > kMagic.size() + 1) {
        const auto kind = Kind(quint8(bytes.at(kMagic.size() + 1)));
        if (kind != Kind::Show && kind != Kind::Quiet)
            return invalid(QStringLiteral("unknown request kind %1").arg(quint8(kind)));
    }
    if (bytes.size() < kHeaderSize)
        return {};
    const quint32 length = qFromBigEndian<quint32>(bytes.constData() + kHeaderSize - 4);
    if (length > quint32(kMaxSize - kHeaderSize))
        return invalid(QStringLiteral("message claims %1 bytes, more than the %2 allowed").arg(length).arg(kMaxSize));
    if (bytes.size() < kHeaderSize + qsizetype(length))
        return {};

    Decoded decoded;
    decoded.request.showWindow = Kind(quint8(bytes.at(kMagic.size() + 1))) == Kind::Show;
    const QByteArray payload = bytes.mid(kHeaderSize, length);
    if (!payload.endsWith('\0'))
        return invalid(QStringLiteral("the payload is not ended"));
    const QList<QByteArray> entries = payload.split('\0'); // the last entry is what follows the final NUL
    const QByteArray& token = entries.constFirst();
    if (!isUsableToken(token))
        return invalid(QStringLiteral("the activation token is not a short printable word"));
    decoded.request.activationToken = QString::fromLatin1(token);
    for (qsizetype i = 1; i + 1 < entries.size(); ++i) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString path = utf8.decode(entries.at(i));
        if (utf8.hasError())
            return invalid(QStringLiteral("file %1 of the list is not UTF-8").arg(i));
        if (path.isEmpty() || QDir::isRelativePath(path))
            return invalid(QStringLiteral("file %1 of the list is not an absolute path").arg(i));
        decoded.request.files.append(path);
    }
    decoded.state = Decoded::State::Complete;
    return decoded;
}

} // namespace launchMessage

} // namespace coffer::ui
