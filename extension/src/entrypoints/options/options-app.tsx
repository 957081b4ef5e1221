import { BudgetsSection } from '../../components/options/budgets-section';
import { MirrorSection } from '../../components/options/mirror-section';
import { PricesSection } from '../../components/options/prices-section';
import { SettingsSection } from '../../components/options/settings-section';
import type { OptionsModel } from '../../models/options-model';
import { useStore } from '../../components/use-store';

/** Props of the options page. */
export interface OptionsAppProps {
  model: OptionsModel;
}

/** The options page: wires each section to its part of the model. */
export function OptionsApp({ model }: OptionsAppProps) {
  const settings = useStore(model.settings.store);
  const budgets = useStore(model.budgets.store);
  const prices = useStore(model.prices.store);
  const mirror = useStore(model.mirror.store);
  const precision = Number(settings.form.precision) || 0;
  return (
    <main>
      <h1>Tokentally settings</h1>
      <SettingsSection
        state={settings}
        onEdit={model.settings.edit}
        onSave={() => void model.saveSettings()}
        onTest={() => void model.settings.testConnection()}
      />
      <BudgetsSection
        state={budgets}
        precision={precision}
        onAdd={model.budgets.add}
        onEdit={model.budgets.edit}
        onDelete={(id) => void model.budgets.remove(id)}
        onChange={model.budgets.change}
        onSubmit={() => void model.budgets.submit()}
        onCancel={model.budgets.cancel}
      />
      <PricesSection
        state={prices}
        onChange={model.prices.change}
        onSubmit={() => void model.prices.submit()}
        onDelete={(modelName) => void model.prices.remove(modelName)}
      />
      <MirrorSection state={mirror} onClear={() => void model.mirror.clear()} />
    </main>
  );
}
