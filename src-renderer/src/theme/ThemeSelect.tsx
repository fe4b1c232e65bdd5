/** The theme picker of the settings: same as the system, light or dark. */
import { useI18n } from '../i18n/i18n-context';
import { SelectField } from '../i18n/SelectField';
import { THEME_PREFERENCES, type ThemePreference } from './theme';

export interface ThemeSelectProps {
  readonly value: ThemePreference;
  readonly onChange: (preference: ThemePreference) => void;
}

export function ThemeSelect({ value, onChange }: ThemeSelectProps) {
  const { t } = useI18n();
  const options = THEME_PREFERENCES.map((preference) => ({ value: preference, label: t(`settings.theme.${preference}`) }));
  return <SelectField label="settings.theme" value={value} options={options} onChange={onChange} />;
}
