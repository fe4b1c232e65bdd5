/**
 * No telemetry, analytics or crash-reporting SDK anywhere in the dependency tree (issue #9): every package that
 * package-lock.json installs, direct or transitive, development ones included, is checked against the SDKs that
 * send usage or crash data home. A new dependency that brings one in fails CI here, with its name and the path
 * through which it came.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli';

/** Scopes whose every package is such an SDK. */
const SCOPES = ['@sentry', '@bugsnag', '@newrelic', '@datadog', '@amplitude', '@segment', '@rollbar', '@honeybadger-io', '@appsignal', '@logrocket', '@fullstory', '@posthog', '@mixpanel', '@opentelemetry', '@microsoft/applicationinsights-web', '@elastic/apm-rum', '@countly', '@heap', '@vercel/analytics', '@snowplow'];
/** Packages by name. */
const NAMES = [
  'raven', 'raven-js', 'bugsnag', 'newrelic', 'dd-trace', 'applicationinsights', 'mixpanel', 'mixpanel-browser', 'amplitude-js',
  'analytics-node', 'posthog-js', 'posthog-node', 'rollbar', 'honeybadger', 'elastic-apm-node', 'universal-analytics',
  'insight', 'logrocket', 'countly-sdk-web', 'countly-sdk-nodejs', 'electron-google-analytics', 'electron-ga',
  'analytics', 'heap-api', 'snowplow-tracker', 'trackjs', 'airbrake-js', '@airbrake/node', '@airbrake/browser', 'appcenter',
  'electron-crash-reporter', 'crashpad', 'backtrace-node', '@backtrace/node', '@backtrace/electron', 'raygun', 'raygun4js',
];

function telemetryPackages(lock: { packages: Record<string, unknown> }): string[] {
  const found: string[] = [];
  for (const path of Object.keys(lock.packages)) {
    if (path === '') continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (NAMES.includes(name) || SCOPES.some((s) => name === s || name.startsWith(`${s}/`))) found.push(path);
  }
  return found;
}

describe('dependency tree', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };

  it('holds no telemetry, analytics or crash-reporting SDK', () => {
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100); // the whole tree was read
    expect(telemetryPackages(lock)).toEqual([]);
  });

  it('the check finds such an SDK however deep it sits, and by scope', () => {
    const planted = { packages: { '': {}, 'node_modules/react': {}, 'node_modules/a/node_modules/@sentry/node': {}, 'node_modules/b/node_modules/dd-trace': {}, 'node_modules/raven-ish': {} } };
    expect(telemetryPackages(planted)).toEqual(['node_modules/a/node_modules/@sentry/node', 'node_modules/b/node_modules/dd-trace']);
  });
});
