import type { Budget } from '@tokentally/shared/api/budget';
import {
  type BudgetDraft,
  checkBudgetDraft,
  draftOf,
  newBudgetDraft,
  withBudgetField,
} from './options-budget-draft';
import { failureText, type DaemonAddress, type OptionsDeps } from './options-deps';
import { createValueStore, type ValueStore } from './value-store';

/** A list read from the daemon. */
export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; items: T[] } | { state: 'failed'; message: string };

/** The budget being added or edited. */
export interface BudgetEditor {
  mode: 'add' | 'edit';
  draft: BudgetDraft;
  issues: string[];
  saving: boolean;
}

/** What the budgets section shows. */
export interface BudgetsSectionState {
  budgets: Loaded<Budget>;
  editor: BudgetEditor | null;
  /** The last failure of a delete, or null. */
  error: string | null;
}

/** The budgets section's state and actions (budgets live in the daemon, edited through its API). */
export interface BudgetsModel {
  store: ValueStore<BudgetsSectionState>;
  reload: () => Promise<void>;
  add: () => void;
  edit: (id: string) => void;
  change: (field: keyof BudgetDraft, value: string) => void;
  cancel: () => void;
  submit: () => Promise<void>;
  remove: (id: string) => Promise<void>;
}

/** Creates the budgets model; `address` is read at each call so a saved change of daemon applies at once. */
export function createBudgetsModel({ clientFor }: OptionsDeps, address: () => DaemonAddress): BudgetsModel {
  const store = createValueStore<BudgetsSectionState>({
    budgets: { state: 'loading' },
    editor: null,
    error: null,
  });
  const patch = (update: Partial<BudgetsSectionState>): void => {
    store.set((current) => ({ ...current, ...update }));
  };
  const patchEditor = (update: Partial<BudgetEditor>): void => {
    store.set((current) =>
      current.editor === null ? current : { ...current, editor: { ...current.editor, ...update } },
    );
  };

  async function reload(): Promise<void> {
    patch({ budgets: { state: 'loading' } });
    const answer = await clientFor(address()).listBudgets();
    patch({
      budgets: answer.ok
        ? { state: 'ready', items: answer.value }
        : { state: 'failed', message: failureText(answer.error) },
    });
  }

  return {
    store,
    reload,
    add: () => {
      patch({ editor: { mode: 'add', draft: newBudgetDraft(), issues: [], saving: false }, error: null });
    },
    edit(id) {
      const { budgets } = store.get();
      const budget = budgets.state === 'ready' ? budgets.items.find((item) => item.id === id) : undefined;
      if (budget !== undefined)
        patch({ editor: { mode: 'edit', draft: draftOf(budget), issues: [], saving: false } });
    },
    change(field, value) {
      store.set((current) => {
        if (current.editor === null) return current;
        return {
          ...current,
          editor: { ...current.editor, draft: withBudgetField(current.editor.draft, field, value) },
        };
      });
    },
    cancel: () => {
      patch({ editor: null });
    },
    async submit() {
      const { editor } = store.get();
      if (editor === null) return;
      const checked = checkBudgetDraft(editor.draft);
      if (!checked.ok) {
        patchEditor({ issues: checked.issues });
        return;
      }
      patchEditor({ saving: true, issues: [] });
      const answer = await clientFor(address()).putBudget(checked.id, checked.body);
      if (!answer.ok) {
        patchEditor({ saving: false, issues: [failureText(answer.error)] });
        return;
      }
      patch({ editor: null });
      await reload();
    },
    async remove(id) {
      const answer = await clientFor(address()).deleteBudget(id);
      patch({ error: answer.ok ? null : `Could not delete budget "${id}": ${failureText(answer.error)}` });
      await reload();
    },
  };
}
