/**
 * The profile picker of the start screen and the workspace, presentational: the profile in use (when one was
 * loaded), "Open profile…", and the profiles used lately, each a button that loads it. Profiles come as handles
 * with their file's base name; loading is the caller's job.
 */
import type { RecentProfile } from '../../../shared/ipc-contract';
import { useI18n } from '../i18n/i18n-context';
import './start-export.css';

export interface ProfilePickerProps {
  readonly recent: readonly RecentProfile[];
  readonly profileName?: string;
  /** Loads the recent profile with this handle, or (without one) a profile chosen in a dialog. */
  onLoad(handle?: string): void;
  readonly busy?: boolean;
}

export function ProfilePicker({ recent, profileName, onLoad, busy = false }: ProfilePickerProps) {
  const { t } = useI18n();
  return (
    <section className="profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title" className="profiles__title">
        {t('start.recentProfiles')}
      </h2>
      {profileName ? <p className="profiles__current">{t('start.profileInUse', { name: profileName })}</p> : null}
      {recent.length === 0 ? (
        <p className="profiles__none">{t('start.noRecentProfiles')}</p>
      ) : (
        <ul className="profiles__list">
          {recent.map((profile) => (
            <li key={profile.id}>
              <button type="button" className="button profiles__item" onClick={() => onLoad(profile.id)} disabled={busy}>
                {profile.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" onClick={() => onLoad()} disabled={busy}>
        {t('start.openProfile')}
      </button>
    </section>
  );
}
