import type { BudgetScope } from '../api/budget';
import { agentMatches } from '../aggregate/agent';

/** The labels of an event a budget scope reads. */
export interface ScopedEvent {
  model: string;
  provider: string;
  agent?: string | null | undefined;
  project?: string | null | undefined;
}

/** Whether an event counts toward a budget: it matches every field the scope gives, an agent including its sub-agents. */
export function matchesScope(scope: BudgetScope, event: ScopedEvent): boolean {
  return (
    (scope.model === undefined || scope.model === event.model) &&
    (scope.provider === undefined || scope.provider === event.provider) &&
    (scope.project === undefined || scope.project === event.project) &&
    (scope.agent === undefined || agentMatches(scope.agent, event.agent))
  );
}
