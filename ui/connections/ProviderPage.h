#pragma once

#include <QWizardPage>

class QListWidget;

namespace coffer::ui {

// The wizard's first page: which kind of connection to add. Providers without a connector in this
// build are listed but cannot be chosen.
class ProviderPage : public QWizardPage {
    Q_OBJECT
public:
    static constexpr int kProviderIdRole = 0x0100 + 1; // Qt::UserRole + 1

    explicit ProviderPage(QWidget* parent = nullptr);

    QString selectedProvider() const;
    // Selects a provider by id (the view's shortcuts, tests); false when it cannot be chosen.
    bool selectProvider(const QString& providerId);

    bool isComplete() const override;
    int nextId() const override;

private:
    QListWidget* m_list = nullptr;
};

} // namespace coffer::ui
