import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { NUMBER_FIELD_MAX_LENGTH, parseNumberField, type NumberRule } from "./numberField";

interface NumberFieldProps extends NumberRule {
  value: number;
  onValid: (value: number) => void;
  step?: number | "any";
  /** Shows a range slider beside the number field, kept in sync with it. */
  slider?: boolean;
  hint?: string;
}

/**
 * A labelled number input that only reports valid values; invalid text stays in the field with a message
 * next to it, so the reader can fix it while the rest of the widget keeps the last good value.
 */
export function NumberField({ label, min, max, integer, value, onValid, step, slider, hint }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // Follow outside changes (presets, URL state) unless the reader is mid-edit with an error showing. Not on mount: the
  // text starts from the value, and text typed before hydration (taken over below) must not be overwritten.
  const followedValue = useRef(value);
  useEffect(() => {
    if (followedValue.current === value) return;
    followedValue.current = value;
    setText((current) => (parseNumberField(current, { label, min, max, integer: integer ?? false }).ok ? String(value) : current));
  }, [value]);

  const accept = (raw: string) => {
    setText(raw);
    const parsed = parseNumberField(raw, { label, min, max, integer: integer ?? false });
    if (parsed.ok) {
      setMessage(null);
      onValid(parsed.value);
    } else {
      setMessage(parsed.message);
    }
  };

  // Text typed into the server-rendered field before the island hydrated stays in the input (hydration does not reset
  // it) but never reached the state: take it over once, so the widget uses what the reader sees. A layout effect runs in
  // the same task as hydration, so no click can reach a handler that still holds the old value.
  useLayoutEffect(() => {
    const typed = field.current?.value;
    if (typed !== undefined && typed !== text) accept(typed);
  }, []);

  const describedBy = [message ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="number-field">
      <label for={`${id}-number`}>{label}</label>
      <span class="number-field-inputs">
        {slider && (
          <input
            type="range"
            min={min}
            max={max}
            step={step ?? (integer ? 1 : "any")}
            value={value}
            aria-label={label}
            aria-describedby={describedBy}
            onInput={(event) => accept(event.currentTarget.value)}
          />
        )}
        <input
          ref={field}
          id={`${id}-number`}
          type="text"
          inputMode={integer ? "numeric" : "decimal"}
          value={text}
          maxLength={NUMBER_FIELD_MAX_LENGTH}
          size={6}
          aria-invalid={message ? "true" : undefined}
          aria-describedby={describedBy}
          onInput={(event) => accept(event.currentTarget.value)}
        />
      </span>
      {hint && <small id={`${id}-hint`} class="number-field-hint">{hint}</small>}
      {message && <p id={`${id}-error`} class="field-error" role="alert">{message}</p>}
    </div>
  );
}
