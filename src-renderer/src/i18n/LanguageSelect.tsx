/** The interface-language picker of the settings: one option per catalogue, each named in its own language. */
import { useI18n } from './i18n-context';
import { SelectField } from './SelectField';

export function LanguageSelect() {
  const { locale, setLocale, languages } = useI18n();
  const options = languages.map((language) => ({ value: language.code, label: language.name, lang: language.code }));
  return <SelectField label="settings.interfaceLanguage" value={locale} options={options} onChange={setLocale} />;
}
