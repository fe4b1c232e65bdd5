/**
 * The renderer's root: the interface language (I18nProvider), the theme (palette installed on `<html>`), the
 * settings (loaded from main at start, stored on change; the Settings button on the start screen and in the
 * workspace header opens them), and the review workspace: the start screen until an export is open, then the
 * profile picker, the overview, the diff view and the export panel over the workspace store, or, once an export
 * finished, its audit report in the report view.
 */
import { useLayoutEffect, useState } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n-context';
import { SettingsButton } from './settings/SettingsPanel';
import { useAppSettings } from './settings/use-app-settings';
import { applyThemePreference, installPalette, type ThemePreference } from './theme/theme';
import { DiffView } from './workspace/DiffView';
import { ExportPanel } from './workspace/ExportPanel';
import { asReportView } from './workspace/ReportSummary';
import { Overview } from './workspace/Overview';
import { ProfilePicker } from './workspace/ProfilePicker';
import { ReportScreen, type FullReportView } from './workspace/ReportScreen';
import { StartScreen } from './workspace/StartScreen';
import { useWorkspace } from './workspace/use-workspace';

export interface AppProps {
  /** The interface language to start in; defaults to the system's (i18n/locale.ts). */
  readonly initialLocale?: string;
  readonly initialTheme?: ThemePreference;
}

export function App({ initialLocale, initialTheme = 'system' }: AppProps) {
  return (
    <I18nProvider initialLocale={initialLocale}>
      <Shell initialTheme={initialTheme} />
    </I18nProvider>
  );
}

function Shell({ initialTheme }: { readonly initialTheme: ThemePreference }) {
  const { t } = useI18n();
  const prefs = useAppSettings(window.api, { theme: initialTheme });
  const theme = prefs.settings.theme;
  const [mode, setMode] = useState<'side-by-side' | 'inline'>('side-by-side');
  // the audit report of the finished export, opened in the window instead of the review
  const [showReport, setShowReport] = useState(false);
  const ws = useWorkspace(window.api, { defaultRegion: prefs.settings.defaultRegion });
  const title = t('app.title');

  // Before the first paint, so the page never shows without its colours.
  useLayoutEffect(() => installPalette(), []);
  useLayoutEffect(() => applyThemePreference(theme), [theme]);
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);

  const preferences = (
    <SettingsButton
      api={window.api}
      settings={prefs.settings}
      {...(prefs.warning !== undefined ? { warning: prefs.warning } : {})}
      {...(prefs.error !== undefined ? { error: prefs.error } : {})}
      onChange={prefs.update}
    />
  );

  const preview = ws.active ? ws.previews.get(ws.active.id) : undefined;
  if (ws.files.length === 0 || !preview) {
    return (
      <>
        <StartScreen
          onOpen={() => void ws.open()}
          onDropFiles={(files) => void ws.dropFiles(files)}
          onOpenSample={() => void ws.openSample()}
          recentProfiles={ws.recentProfiles}
          onLoadProfile={(handle) => void ws.loadProfile(handle)}
          {...(ws.profileName ? { profileName: ws.profileName } : {})}
          busy={ws.busy}
          {...(ws.error ? { error: ws.error } : {})}
        />
        {preferences}
      </>
    );
  }

  const status = ws.exportStatus;
  const report = status.result ? asReportView(status.result.report) : undefined;
  if (showReport && report) {
    return (
      <>
        <ReportScreen report={report as FullReportView} onClose={() => setShowReport(false)} />
        {preferences}
      </>
    );
  }
  return (
    <main className="workspace">
      <header className="workspace__header">
        <h1 className="workspace__title">{title}</h1>
        <nav className="workspace__files" aria-label={t('overview.file')}>
          {ws.files.map((f) => (
            <button key={f.id} type="button" aria-pressed={f.id === ws.active?.id} onClick={() => ws.setActive(f.id)}>
              {f.name}
            </button>
          ))}
        </nav>
        <div className="workspace__history">
          <button type="button" onClick={ws.undo} disabled={!ws.canUndo}>
            {t('actions.undo')}
          </button>
          <button type="button" onClick={ws.redo} disabled={!ws.canRedo}>
            {t('actions.redo')}
          </button>
          <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode(mode === 'inline' ? 'side-by-side' : 'inline')}>
            {mode === 'inline' ? t('diff.sideBySide') : t('diff.inline')}
          </button>
        </div>
        {preferences}
      </header>
      {ws.error ? (
        <p role="alert" className="workspace__error">
          {ws.error}
        </p>
      ) : null}
      <ProfilePicker recent={ws.recentProfiles} onLoad={(handle) => void ws.loadProfile(handle)} busy={status.state === 'running'} {...(ws.profileName ? { profileName: ws.profileName } : {})} />
      <Overview file={preview} reviewed={ws.reviewed} profile={ws.profile} onOperatorChange={ws.setColumnOperator} onTypeOperatorChange={ws.setTypeOperator} />
      <DiffView
        rows={ws.reviewed}
        mode={mode}
        filter={ws.filter}
        onFilterChange={ws.setFilter}
        {...(ws.selected ? { selected: ws.selected } : {})}
        onSelect={ws.select}
        onAction={ws.act}
      />
      <ExportPanel
        files={ws.files}
        {...(status.folder ? { outputFolder: status.folder } : {})}
        onChooseFolder={() => void ws.chooseFolder()}
        onStart={() => void ws.startExport()}
        onCancel={() => void ws.cancelExport()}
        {...(status.progress ? { progress: status.progress } : {})}
        state={status.state}
        {...(report && status.result ? { result: { passed: status.result.passed, report } } : {})}
        {...(status.error ? { error: status.error } : {})}
        options={ws.exportOptions}
        onOptionsChange={ws.setExportOptions}
        {...(status.result?.written ? { written: status.result.written } : {})}
        acknowledged={status.acknowledged}
        onAcknowledge={(ids, note) => void ws.acknowledge(ids, note)}
        onOpenReport={() => setShowReport(true)}
      />
    </main>
  );
}
