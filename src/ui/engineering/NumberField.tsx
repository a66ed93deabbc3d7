import { useEffect, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: number;
  /** Called once per typed value (Enter or leaving the field): one undo step. Returns false if refused. */
  readonly onCommit: (value: number) => boolean;
  readonly testId?: string;
  readonly step?: number;
  readonly unit?: string;
}

/** Decimals shown in a field: enough for centimetres and hundredths of a degree. */
const SHOWN_DECIMALS = 2;

const show = (v: number) => String(Math.round(v * 10 ** SHOWN_DECIMALS) / 10 ** SHOWN_DECIMALS);

/**
 * A number typed and committed whole: the editor hears of it on Enter or blur, not on each keystroke, so a typed
 * value is one undo step. Escape puts back the current value; a refused value is marked invalid.
 */
export function NumberField({ label, value, onCommit, testId, step, unit }: Props) {
  const [text, setText] = useState(show(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(show(value));
    setInvalid(false);
  }, [value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return setInvalid(true);
    if (n === Number(show(value))) return;
    setInvalid(!onCommit(n));
  };
  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="number"
        step={step ?? 'any'}
        value={text}
        aria-invalid={invalid}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setText(show(value));
            setInvalid(false);
          }
        }}
      />
      {unit && <small>{unit}</small>}
    </label>
  );
}
