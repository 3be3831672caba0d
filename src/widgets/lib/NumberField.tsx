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
 * A labelled number input that only reports valid values; invalid text stays in the field, marked invalid with a
 * message next to it, so the reader can fix it while the rest of the widget keeps the last good value. What the
 * field shows is otherwise always the value the widget uses: a value set from outside (a preset, the address, a
 * history entry, a clamp to new data) replaces the text.
 */
export function NumberField({ label, min, max, integer, value, onValid, step, slider, hint }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // The value this field last reported (or was set to). A new value prop equal to it is this field's own report
  // coming back (the text "5." stays "5." while 5 is used); any other is an outside change, and the text follows it,
  // even when it held an error: the widget uses the new value, so the field must show it. Not on mount: the text
  // starts from the value, and text typed before hydration (taken over below) must not be overwritten.
  const reported = useRef(value);
  useEffect(() => {
    if (reported.current === value) return;
    reported.current = value;
    setText(String(value));
    setMessage(null);
  }, [value]);

  const accept = (raw: string) => {
    setText(raw);
    const parsed = parseNumberField(raw, { label, min, max, integer: integer ?? false });
    if (parsed.ok) {
      setMessage(null);
      reported.current = parsed.value;
      onValid(parsed.value);
    } else {
      setMessage(parsed.message);
    }
  };

  // A new range (another data set) re-judges text that was refused: "600" flagged at most 50 is fine at most 6,000.
  const rule = `${min}|${max}|${integer ?? false}`;
  const judgedRule = useRef(rule);
  useEffect(() => {
    if (judgedRule.current === rule) return;
    judgedRule.current = rule;
    if (message !== null) accept(text);
  }, [rule]);

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
