/**
 * A labelled select whose label is a catalogue key: the building block of the settings' pickers (interface
 * language, theme). Could move to a shared components folder once the renderer has one.
 */
import { useId } from 'react';
import type { MessageKey } from './catalogues';
import { useI18n } from './i18n-context';

export interface SelectOption<V extends string> {
  readonly value: V;
  readonly label: string;
  /** The option's language, when it is named in a language other than the interface's. */
  readonly lang?: string;
}

export interface SelectFieldProps<V extends string> {
  readonly label: MessageKey;
  readonly value: V;
  readonly options: readonly SelectOption<V>[];
  readonly onChange: (value: V) => void;
}

export function SelectField<V extends string>({ label, value, options, onChange }: SelectFieldProps<V>) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t(label)}
      </label>
      <select id={id} className="field__control" value={value} onChange={(event) => onChange(event.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
