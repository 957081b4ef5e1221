/** Props of a labelled text input. */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** `secret` hides what is typed (a token); `decimal` brings up a number keyboard but accepts any text. */
  kind?: 'text' | 'url' | 'secret' | 'decimal';
  hint?: string | undefined;
  placeholder?: string | undefined;
  required?: boolean | undefined;
}

/** A text input with its label above and an optional hint below (linked for screen readers). */
export function TextField({
  id,
  label,
  value,
  onInput,
  kind = 'text',
  hint,
  placeholder,
  required,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const common = {
    id,
    name: id,
    'data-testid': id,
    value,
    placeholder,
    required,
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': hint === undefined ? undefined : hintId,
    onInput: (event: { currentTarget: HTMLInputElement }) => {
      onInput(event.currentTarget.value);
    },
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {kind === 'secret' ? <input type="password" {...common} /> : null}
      {kind === 'url' ? <input type="url" {...common} /> : null}
      {kind === 'text' || kind === 'decimal' ? (
        <input type="text" inputMode={kind === 'decimal' ? 'decimal' : 'text'} {...common} />
      ) : null}
      {hint === undefined ? null : (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
