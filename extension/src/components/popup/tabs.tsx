/** Props of a row of tabs. */
export interface TabsProps<T extends string> {
  label: string;
  options: readonly { id: T; label: string }[];
  selected: T;
  /** The id of the panel the tabs control. */
  panelId: string;
  onSelect: (id: T) => void;
}

/**
 * A tab list as WAI-ARIA describes it: one tab in the Tab order, arrow keys (and Home/End) move between tabs and
 * select as they go.
 */
export function Tabs<T extends string>({ label, options, selected, panelId, onSelect }: TabsProps<T>) {
  const move = (from: number, step: number): void => {
    const next = options[(from + step + options.length) % options.length];
    if (next === undefined) return;
    onSelect(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {options.map((option, index) => (
        <button
          key={option.id}
          id={`tab-${option.id}`}
          type="button"
          role="tab"
          aria-selected={option.id === selected}
          aria-controls={panelId}
          tabIndex={option.id === selected ? 0 : -1}
          onClick={() => {
            onSelect(option.id);
          }}
          onKeyDown={(event) => {
            const steps: Record<string, number> = {
              ArrowRight: 1,
              ArrowLeft: -1,
              Home: -index,
              End: options.length - 1 - index,
            };
            const step = steps[event.key];
            if (step === undefined) return;
            event.preventDefault();
            move(index, step);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
