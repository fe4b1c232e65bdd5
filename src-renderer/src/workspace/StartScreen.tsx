/**
 * The Start screen, presentational (props in, callbacks out): the app's name as the page's `<h1>`, the offline
 * promise, a drop zone for one or several export files (highlighted while files are dragged over it) with the
 * keyboard-reachable "Open export…" button as its alternative, "Try the sample export" for first-time users, the
 * profiles used lately (and "Open profile…"), an error when opening failed, and the version footer when running
 * inside the app (`window.api`). Opening itself (dialog, handles) is the caller's job.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { RecentProfile } from '../../../shared/ipc-contract';
import { useI18n } from '../i18n/i18n-context';
import { ProfilePicker } from './ProfilePicker';
import './start-export.css';

export interface StartScreenProps {
  onOpen(): void;
  onDropFiles(files: File[]): void;
  /** Opens the sample export shipped with the app; the button shows only when given. */
  onOpenSample?(): void;
  readonly recentProfiles?: readonly RecentProfile[];
  readonly profileName?: string;
  /** Loads a recent profile (by handle) or one chosen in a dialog; the profile picker shows only when given. */
  onLoadProfile?(handle?: string): void;
  readonly busy: boolean;
  readonly error?: string;
}

const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function StartScreen({ onOpen, onDropFiles, onOpenSample, recentProfiles = [], profileName, onLoadProfile, busy, error }: StartScreenProps) {
  const { t } = useI18n();
  const [dragCount, setDragCount] = useState<number | null>(null);
  // dragenter/dragleave also fire for the zone's children: count the nesting so the highlight does not flicker
  const depth = useRef(0);
  const appVersion = window.api?.versions.app;

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragCount(event.dataTransfer.items?.length ?? 0);
  };
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragCount(null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragCount(null);
    const files = Array.from(event.dataTransfer.files);
    if (!busy && files.length > 0) onDropFiles(files);
  };

  const dragging = dragCount !== null;
  return (
    <main className="start" aria-busy={busy}>
      <header className="start__header">
        <h1 className="start__title">{t('app.title')}</h1>
        <p className="start__badge">{t('app.offlineBadge')}</p>
      </header>

      <p className="start__intro">{t('start.intro')}</p>

      <section
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        aria-labelledby="drop-zone-title"
        data-testid="drop-zone"
        onDragEnter={onDragEnter}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <h2 id="drop-zone-title" className="drop-zone__title">
          {t('start.title')}
        </h2>
        <p className="drop-zone__hint">
          {dragging && dragCount > 0 ? t('start.dropRelease', { count: dragCount }) : t('start.dropHere')}
        </p>
        <button type="button" className="button button--primary" onClick={onOpen} disabled={busy}>
          {t('start.open')}
        </button>
        <p className="drop-zone__package">{t('start.packageHint')}</p>
      </section>

      {onOpenSample ? (
        <section className="sample" aria-label={t('start.openSample')}>
          <p className="sample__hint">{t('start.sampleHint')}</p>
          <button type="button" className="button" onClick={onOpenSample} disabled={busy}>
            {t('start.openSample')}
          </button>
        </section>
      ) : null}

      {onLoadProfile ? <ProfilePicker recent={recentProfiles} onLoad={onLoadProfile} busy={busy} {...(profileName ? { profileName } : {})} /> : null}

      {busy ? (
        <p className="start__status" role="status">
          {t('start.opening')}
        </p>
      ) : null}
      {error ? (
        <p className="start__error" role="alert">
          {error}
        </p>
      ) : null}

      {appVersion ? <footer className="start__footer">{t('app.version', { version: appVersion })}</footer> : null}
    </main>
  );
}
