/**
 * The `redact` operator: replaces a value by a token made from a template, `[{type}]` by default ("[EMAIL]").
 * `{type}` becomes the entity type, `{n}` the run's ordinal of the value (`[PERSON_{n}]` → "[PERSON_3]", the same
 * number for every spelling of the same person); the counter belongs to the caller (`OperatorContext.ordinal`).
 */
import type { EntityType } from '../../detect/finding';
import { Params, type OperatorContext, type ValueOperator } from '../operator';

export interface RedactParams {
  readonly template: string;
}

export const DEFAULT_REDACT_TEMPLATE = '[{type}]';

/** The default token of a type, "[EMAIL]": also what other operators put in place of a value they cannot handle. */
export function redactToken(type: string): string {
  return DEFAULT_REDACT_TEMPLATE.replace('{type}', type);
}

/** Why a template is not usable, or undefined: it must be non-empty, with no braces but `{type}` and `{n}`. */
function templateProblem(template: string): string | undefined {
  if (template.trim() === '') return 'must not be empty';
  const rest = template.replaceAll('{type}', '').replaceAll('{n}', '');
  const brace = /[{}][^{}]*}?/.exec(rest);
  if (brace) return `may only use the placeholders {type} and {n}, found "${brace[0]}"`;
  return undefined;
}

export const redactOperator: ValueOperator<RedactParams> = {
  name: 'redact',
  scope: 'value',
  validate(raw, where) {
    const p = new Params(raw, where);
    const template = p.string('template', DEFAULT_REDACT_TEMPLATE, templateProblem);
    p.done('redact');
    return { template };
  },
  apply(_value: string, normalised: string, type: EntityType, params: RedactParams, context: OperatorContext): string {
    let out = params.template.replaceAll('{type}', type);
    // ask for the ordinal only when the template shows it: asking may count the value
    if (out.includes('{n}')) out = out.replaceAll('{n}', String(context.ordinal(type, normalised)));
    return out;
  },
};
