/** The labels the popup breaks spending down by, in tab order. */
export const BREAKDOWN_DIMENSIONS = [
  { id: 'model', label: 'Model' },
  { id: 'provider', label: 'Provider' },
  { id: 'agent', label: 'Agent' },
  { id: 'project', label: 'Project' },
] as const;

export type PopupDimension = (typeof BREAKDOWN_DIMENSIONS)[number]['id'];
