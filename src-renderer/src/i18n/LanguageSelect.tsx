/**
 * The interface-language picker of the settings: one option per catalogue, each named in its own language. By
 * default a choice switches the language; `onChange` replaces that (the settings switch it and store the choice).
 */
import { useI18n } from './i18n-context';
import { SelectField } from './SelectField';

export interface LanguageSelectProps {
  readonly onChange?: (locale: string) => void;
}

export function LanguageSelect({ onChange }: LanguageSelectProps = {}) {
  const { locale, setLocale, languages } = useI18n();
  const options = languages.map((language) => ({ value: language.code, label: language.name, lang: language.code }));
  return <SelectField label="settings.interfaceLanguage" value={locale} options={options} onChange={onChange ?? setLocale} />;
}
