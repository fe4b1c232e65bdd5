/**
 * The settings: a "Settings" button (on the start screen and in the workspace header) that opens a modal dialog
 * with three sections:
 * - Project key: its status and fingerprint, Create, Import…, and Destroy behind a confirm step that says what is
 *   lost (pseudonyms made with it can no longer be reproduced);
 * - Detection: the default phone region (used where a profile sets none), and what the detectors read;
 * - Appearance: theme and interface language.
 * Keyboard: the dialog takes the focus, Escape or "Close" closes it, and the focus returns to the button.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { PHONE_REGIONS, type AppSettings, type SettingsPatch } from '../../../shared/app-settings';
import type { AppApi } from '../api';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { SelectField } from '../i18n/SelectField';
import { ThemeSelect } from '../theme/ThemeSelect';
import { useProjectKey } from './use-project-key';
// the app's buttons (`.button`) are styled there
import '../workspace/start-export.css';
import './settings.css';

export interface SettingsProps {
  readonly api: AppApi | undefined;
  readonly settings: AppSettings;
  readonly warning?: string;
  readonly error?: string;
  onChange(patch: SettingsPatch): void;
}

/** The entry point: the button, and the dialog while it is open. */
export function SettingsButton(props: SettingsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="settings-entry">
      <button ref={button} type="button" className="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        {t('settings.title')}
      </button>
      {open ? <SettingsPanel {...props} onClose={close} /> : null}
    </div>
  );
}

export interface SettingsPanelProps extends SettingsProps {
  onClose(): void;
}

export function SettingsPanel({ api, settings, warning, error, onChange, onClose }: SettingsPanelProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  /** Closes the modal first, so that the page behind is no longer inert when the caller moves the focus there. */
  const close = () => {
    if (dialog.current?.open && typeof dialog.current.close === 'function') dialog.current.close();
    onClose();
  };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return undefined;
    // modal where the browser has it (focus kept inside, the page behind inert); jsdom has only the attribute
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
    };
  }, []);

  // Escape: the browser's close request (`cancel`) wherever the focus is, or the key itself where there is no such
  // request (jsdom); either way React closes the dialog, not the browser behind its back
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    close();
  };

  return (
    <dialog ref={dialog} className="settings" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={onCancel}>
      <header className="settings__header">
        <h2 id={titleId} className="settings__title">
          {t('settings.title')}
        </h2>
        <button type="button" className="button" onClick={close} data-autofocus>
          {t('settings.close')}
        </button>
      </header>
      {warning ? (
        <p className="settings__warning" role="status">
          {warning}
        </p>
      ) : null}
      {error ? (
        <p className="settings__error" role="alert">
          {t('settings.saveFailed', { message: error })}
        </p>
      ) : null}
      <KeySection api={api} />
      <section className="settings__section" aria-labelledby={`${titleId}-detection`}>
        <h3 id={`${titleId}-detection`} className="settings__heading">
          {t('settings.detection')}
        </h3>
        <RegionSelect value={settings.defaultRegion} onChange={(defaultRegion) => onChange({ defaultRegion })} />
        <p className="settings__hint">{t('settings.regionHint')}</p>
        <p className="settings__hint">
          <strong>{t('settings.languages')}: </strong>
          {t('settings.languagesNote')}
        </p>
      </section>
      <section className="settings__section" aria-labelledby={`${titleId}-appearance`}>
        <h3 id={`${titleId}-appearance`} className="settings__heading">
          {t('settings.appearance')}
        </h3>
        <div className="settings__fields">
          <ThemeSelect value={settings.theme} onChange={(theme) => onChange({ theme })} />
          <LanguageSelect onChange={(locale) => onChange({ locale })} />
        </div>
      </section>
    </dialog>
  );
}

/** The phone regions, named in the interface language ("Germany (DE)"), sorted by name. */
function RegionSelect({ value, onChange }: { readonly value: string; onChange(region: string): void }) {
  const { locale } = useI18n();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return PHONE_REGIONS.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [locale]);
  return <SelectField label="settings.region" value={value} options={options} onChange={onChange} />;
}

function KeySection({ api }: { readonly api: AppApi | undefined }) {
  const { t } = useI18n();
  const key = useProjectKey(api);
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const section = useRef<HTMLElement>(null);
  const headingId = useId();
  const status = key.status;

  useEffect(() => {
    if (confirming) keep.current?.focus(); // the safe choice first
  }, [confirming]);
  // the button pressed is gone once the key is made or destroyed: the focus goes to the next action, not the page
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) {
      section.current?.querySelector<HTMLButtonElement>('.settings__actions button:not(:disabled)')?.focus();
    }
  }, [status, key.busy]);

  const destroy = async () => {
    setConfirming(false);
    await key.destroy();
  };

  return (
    <section ref={section} className="settings__section" aria-labelledby={headingId} aria-busy={key.busy}>
      <h3 id={headingId} className="settings__heading">
        {t('settings.key.title')}
      </h3>
      <p className="settings__hint">{t('settings.key.intro')}</p>
      {!status ? null : status.stored ? (
        <>
          <p className="settings__status">{t('settings.key.stored')}</p>
          {status.fingerprint ? <p className="settings__fingerprint">{t('settings.key.fingerprint', { fingerprint: status.fingerprint })}</p> : null}
          {status.problem ? (
            <p className="settings__error" role="alert">
              {t('settings.key.problem', { problem: status.problem })}
            </p>
          ) : null}
        </>
      ) : (
        <p className="settings__status">{t(status.available ? 'settings.key.none' : 'settings.key.unavailable')}</p>
      )}
      {!api ? <p className="settings__status">{t('settings.key.appOnly')}</p> : null}
      {key.error ? (
        <p className="settings__error" role="alert">
          {key.error}
        </p>
      ) : null}
      {confirming ? (
        <div className="settings__confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>{t('settings.key.destroyConfirm')}</p>
          <div className="settings__actions">
            <button ref={keep} type="button" className="button" onClick={() => setConfirming(false)}>
              {t('settings.key.keep')}
            </button>
            <button type="button" className="button settings__danger" onClick={() => void destroy()}>
              {t('settings.key.destroyForGood')}
            </button>
          </div>
        </div>
      ) : status ? (
        <div className="settings__actions">
          {status.stored ? (
            <button type="button" className="button settings__danger" disabled={key.busy} onClick={() => setConfirming(true)}>
              {t('settings.key.destroy')}
            </button>
          ) : (
            <>
              <button type="button" className="button" disabled={key.busy || !status.available} onClick={() => void key.create()}>
                {t('settings.key.create')}
              </button>
              <button type="button" className="button" disabled={key.busy || !status.available} onClick={() => void key.importFile()}>
                {t('settings.key.import')}
              </button>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
