/**
 * Built-in profile presets for five help desks: which columns of each vendor's usual export hold requester or
 * agent identities, internal notes and ids. Each preset is a plain profile (`presets/<id>.json`, checked by
 * `parseProfile`), so a user's profile can start from one with `"extends": "<id>"`. Where each column list comes
 * from, and why each column gets its role, is in `docs/presets.md`.
 */
import freshdesk from './presets/freshdesk.json';
import jiraServiceManagement from './presets/jira-service-management.json';
import salesforceServiceCloud from './presets/salesforce-service-cloud.json';
import servicenow from './presets/servicenow.json';
import zendesk from './presets/zendesk.json';

export interface Preset {
  /** Stable id, used by `"extends"` and in file names (`test/fixtures/presets/<id>.csv`). */
  readonly id: string;
  /** What the user picks from, e.g. "Zendesk ticket export". */
  readonly name: string;
  readonly vendor: string;
  /** The profile JSON, unparsed: `parseProfile` checks it when it is used. */
  readonly profile: unknown;
}

export const PRESETS: readonly Preset[] = [
  { id: 'zendesk', name: zendesk.name, vendor: 'Zendesk', profile: zendesk },
  { id: 'freshdesk', name: freshdesk.name, vendor: 'Freshdesk', profile: freshdesk },
  { id: 'servicenow', name: servicenow.name, vendor: 'ServiceNow', profile: servicenow },
  { id: 'salesforce-service-cloud', name: salesforceServiceCloud.name, vendor: 'Salesforce', profile: salesforceServiceCloud },
  { id: 'jira-service-management', name: jiraServiceManagement.name, vendor: 'Atlassian', profile: jiraServiceManagement },
];

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
