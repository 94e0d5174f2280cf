#include "TrayIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace coffer::ui {

using model::ConnectionState;

TrayState overallTrayState(const QList<model::ConnectionStatus>& connections, bool syncing, bool attention)
{
    bool busy = syncing;
    for (const model::ConnectionStatus& c : connections) {
        if (c.state == ConnectionState::Error || c.state == ConnectionState::ReauthRequired ||
            c.state == ConnectionState::ReauthSoon)
            attention = true;
        if (c.state == ConnectionState::Syncing || c.state == ConnectionState::Queued)
            busy = true;
    }
    if (attention)
        return TrayState::Attention;
    return busy ? TrayState::Syncing : TrayState::Ok;
}

namespace {

QColor background(TrayState state)
{
    switch (state) {
    case TrayState::Ok:
        return QColor(0x2e, 0x7d, 0x32); // green 800: 5.1:1 against white glyphs
    case TrayState::Syncing:
        return QColor(0x15, 0x65, 0xc0); // blue 800
    case TrayState::Attention:
        return QColor(0xc6, 0x28, 0x28); // red 800
    }
    return Qt::gray;
}

void drawGlyph(QPainter& p, TrayState state, qreal s)
{
    QPen pen(Qt::white, s * 0.11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (state) {
    case TrayState::Ok: {
        QPainterPath check;
        check.moveTo(s * 0.28, s * 0.52);
        check.lineTo(s * 0.44, s * 0.68);
        check.lineTo(s * 0.73, s * 0.35);
        p.drawPath(check);
        break;
    }
    case TrayState::Syncing: {
        const QRectF ring(s * 0.27, s * 0.27, s * 0.46, s * 0.46);
        p.drawArc(ring, 30 * 16, 130 * 16);
        p.drawArc(ring, 210 * 16, 130 * 16);
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        const qreal a = s * 0.11; // arrow heads at the ends of both arcs
        p.drawPolygon(
            QPolygonF{QPointF(s * 0.30 - a, s * 0.38), QPointF(s * 0.30 + a, s * 0.38), QPointF(s * 0.30, s * 0.50)});
        p.drawPolygon(
            QPolygonF{QPointF(s * 0.70 - a, s * 0.62), QPointF(s * 0.70 + a, s * 0.62), QPointF(s * 0.70, s * 0.50)});
        break;
    }
    case TrayState::Attention:
        p.drawLine(QPointF(s * 0.5, s * 0.25), QPointF(s * 0.5, s * 0.56));
        p.setBrush(Qt::white);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(s * 0.5, s * 0.74), s * 0.07, s * 0.07);
        break;
    }
}

QPixmap render(TrayState state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    // A thin light rim keeps the square apart from a dark panel; the fill keeps it apart from a light one.
    p.setPen(QPen(QColor(255, 255, 255, 150), std::max(1.0, s / 32)));
    p.setBrush(background(state));
    p.drawRoundedRect(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88), s * 0.2, s * 0.2);
    drawGlyph(p, state, s);
    return pixmap;
}

} // namespace

QIcon TrayIcons::icon(TrayState state)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(render(state, size));
    return icon;
}

} // namespace coffer::ui
