#include "store/ImportProfileRepository.h"

#include "importers/csv/CsvProfile.h"
#include "store/SettingsRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace coffer::store {

using model::Error;

namespace {

const QString kNamedPrefix = QStringLiteral("import_profile.");
const QString kAccountPrefix = QStringLiteral("import_profile_for_account.");
constexpr int kMaxNameLength = 100;

model::Result<QString> checkedName(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxNameLength)
        return Error::permanent(QStringLiteral("A profile needs a name of 1 to %1 characters.").arg(kMaxNameLength));
    return trimmed;
}

model::Status checkedProfile(const QVariantMap& profile)
{
    auto parsed = importers::csv::CsvProfile::fromVariantMap(profile);
    if (!parsed)
        return parsed.error();
    return model::Ok{};
}

model::Result<QVariantMap> fromJson(const QString& json, const QString& key)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::storage(QStringLiteral("The saved import profile %1 is damaged.").arg(key));
    return doc.object().toVariantMap();
}

QString toJson(const QVariantMap& map)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact));
}

} // namespace

model::Status ImportProfileRepository::save(const QString& name, const QVariantMap& profile)
{
    auto checked = checkedName(name);
    if (!checked)
        return checked.error();
    if (auto valid = checkedProfile(profile); !valid)
        return valid;
    return SettingsRepository(m_db).setValue(kNamedPrefix + checked.value(), toJson(profile));
}

model::Result<std::optional<QVariantMap>> ImportProfileRepository::load(const QString& name) const
{
    const QString key = kNamedPrefix + name.trimmed();
    auto value = SettingsRepository(m_db).value(key);
    if (!value)
        return value.error();
    if (value.value().isEmpty())
        return std::optional<QVariantMap>();
    auto map = fromJson(value.value(), QStringLiteral("\"%1\"").arg(name.trimmed()));
    if (!map)
        return map.error();
    return std::optional<QVariantMap>(map.value());
}

model::Result<QStringList> ImportProfileRepository::names() const
{
    auto keys = SettingsRepository(m_db).keysStartingWith(kNamedPrefix);
    if (!keys)
        return keys.error();
    QStringList names;
    for (const QString& key : keys.value())
        names.append(key.mid(kNamedPrefix.size()));
    return names;
}

model::Status ImportProfileRepository::remove(const QString& name)
{
    return SettingsRepository(m_db).remove(kNamedPrefix + name.trimmed());
}

model::Status ImportProfileRepository::saveForAccount(qint64 accountId, const QString& name, const QVariantMap& profile)
{
    if (auto valid = checkedProfile(profile); !valid)
        return valid;
    QVariantMap value;
    value[QStringLiteral("name")] = name.trimmed();
    value[QStringLiteral("profile")] = profile;
    return SettingsRepository(m_db).setValue(kAccountPrefix + QString::number(accountId), toJson(value));
}

model::Result<std::optional<ImportProfileRepository::AccountProfile>>
ImportProfileRepository::loadForAccount(qint64 accountId) const
{
    auto value = SettingsRepository(m_db).value(kAccountPrefix + QString::number(accountId));
    if (!value)
        return value.error();
    if (value.value().isEmpty())
        return std::optional<AccountProfile>();
    auto map = fromJson(value.value(), QStringLiteral("of account %1").arg(accountId));
    if (!map)
        return map.error();
    AccountProfile out;
    out.name = map.value().value(QStringLiteral("name")).toString();
    out.profile = map.value().value(QStringLiteral("profile")).toMap();
    return std::optional<AccountProfile>(out);
}

} // namespace coffer::store
