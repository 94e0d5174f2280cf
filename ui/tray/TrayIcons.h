#pragma once

#include "model/Snapshots.h"

#include <QIcon>
#include <QList>

namespace coffer::ui {

// The overall state the tray icon shows.
enum class TrayState { Ok, Syncing, Attention };

// Attention wins over syncing, syncing over ok. `attention`: a standing alert (stale data, failures).
TrayState overallTrayState(const QList<model::ConnectionStatus>& connections, bool syncing, bool attention);

// Tray icons drawn with QPainter at every size a tray asks for (16 to 256 px, so high-DPI trays get
// sharp pixels): a coloured rounded square that reads on light and dark panels, with a white glyph
// (check mark, circling arrows, exclamation mark) so the state is not told by colour alone.
class TrayIcons {
public:
    static QIcon icon(TrayState state);
};

} // namespace coffer::ui
