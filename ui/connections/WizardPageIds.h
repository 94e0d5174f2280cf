#pragma once

namespace coffer::ui {

// The pages of the "Add connection" wizard, by id.
enum WizardPageId { ProviderPageId, DemoPageId, SimpleFinPageId, FilePageId, PlaidPageId, ConnectPageId };

} // namespace coffer::ui
