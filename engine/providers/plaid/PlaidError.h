#pragma once

#include "model/Error.h"

#include <QJsonObject>

#include <optional>

namespace coffer::providers::plaid {

// Plaid's error object (error_type, error_code, error_message, display_message, request_id) from
// an answer's body, as Coffer's error: ITEM_LOGIN_REQUIRED and the consent and credential errors
// need the user (Link in update mode, or new API keys); rate limits, API_ERROR, institution
// outages and PRODUCT_NOT_READY are retried (after retryAfterSeconds when given, else a delay fit
// for the error); invalid requests are permanent. providerCode is the error_code, except for
// TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION, which is kRestartPaginationCode. The user message
// is Plaid's display_message when there is one. nullopt when object holds no error_code.
std::optional<model::Error> errorFromObject(const QJsonObject& object, int httpStatus,
                                            std::optional<int> retryAfterSeconds);

// How long to wait before retrying after a rate limit that came without Retry-After.
inline constexpr int kRateLimitDelaySeconds = 60;

} // namespace coffer::providers::plaid
