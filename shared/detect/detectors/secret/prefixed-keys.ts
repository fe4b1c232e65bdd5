/**
 * SECRET: tokens found by a literal prefix: AWS key ids, GitHub, GitLab, Slack, Stripe, Google, npm, SendGrid, and
 * the keys that customers paste into tickets most today: AI APIs (OpenAI, Anthropic and others that use `sk-`),
 * Hugging Face, Shopify, PyPI, DigitalOcean, Square, Atlassian, Databricks, Postman, Grafana, Linear, Notion,
 * Sentry and age. Each prefix is documented by its vendor (or, for `sk-`, shared by several); every rule needs the
 * prefix and the documented length and alphabet after it.
 */

import type { Explanation, Finding } from '../../finding';
import { defineKeywordHint, hasKeywordHint } from '../keyword-hints';
import { SCORE_PREFIX, SCORE_WEAKER, SCORE_WEBHOOK, finding } from './scores';

type Validation = Explanation['validation'];

interface PrefixRule {
  readonly pattern: string;
  /** Cheap literal check before the regex runs at all. */
  readonly literals: readonly string[];
  readonly re: RegExp;
  readonly score: number;
  readonly validate?: (match: string) => { validation: Validation; score: number };
}

const AWS_BASE32 = /^[A-Z2-7]+$/;

const PREFIX_RULES: readonly PrefixRule[] = [
  {
    pattern: 'aws-access-key-id',
    literals: ['AKIA', 'ASIA'],
    re: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
    score: SCORE_PREFIX,
    validate: (m) =>
      AWS_BASE32.test(m.slice(4)) ? { validation: 'passed', score: SCORE_PREFIX } : { validation: 'failed', score: SCORE_WEAKER },
  },
  {
    pattern: 'github-token',
    literals: ['gh'],
    re: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,242})(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'gitlab-token',
    literals: ['gl'],
    re: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|ft|soat|cbt)-[A-Za-z0-9_-]{20,64}(?:\.[A-Za-z0-9_-]{1,64}){0,3}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'slack-token',
    literals: ['xox'],
    re: /(?<![A-Za-z0-9_-])xox[bpaesr]-[A-Za-z0-9-]{10,250}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'slack-webhook',
    literals: ['hooks.slack.com'],
    re: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{8,300}/g,
    score: SCORE_WEBHOOK,
  },
  {
    pattern: 'stripe-key',
    literals: ['_live_', '_test_', 'whsec_'],
    re: /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)|pk_live|whsec)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'google-api-key',
    literals: ['AIza'],
    re: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'npm-token',
    literals: ['npm_'],
    re: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'sendgrid-key',
    literals: ['SG.'],
    re: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'sk-api-key',
    literals: ['sk-'],
    // OpenAI ("sk-proj-…", "sk-svcacct-…", legacy "sk-" + 48), Anthropic ("sk-ant-api03-…"), DeepSeek and others:
    // at least 32 characters after the prefix, with a digit among them (a word list is no key)
    re: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|ant-[a-z]{3,5}\d{2})-)?(?=[A-Za-z_-]{0,200}\d)[A-Za-z0-9_-]{32,200}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'huggingface-token',
    literals: ['hf_'],
    re: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'shopify-token',
    literals: ['shp'],
    re: /(?<![A-Za-z0-9_])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'pypi-token',
    literals: ['pypi-'],
    re: /(?<![A-Za-z0-9_-])pypi-AgE[A-Za-z0-9_-]{50,300}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'digitalocean-token',
    literals: ['_v1_'],
    re: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'square-token',
    literals: ['sq0'],
    re: /(?<![A-Za-z0-9_-])sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'atlassian-token',
    literals: ['ATATT3'],
    re: /(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_=-]{150,250}(?![A-Za-z0-9_=-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'databricks-token',
    literals: ['dapi'],
    re: /(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-\d)?(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'postman-key',
    literals: ['PMAK-'],
    re: /(?<![A-Za-z0-9_-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'grafana-token',
    literals: ['glsa_', 'glc_'],
    re: /(?<![A-Za-z0-9_])(?:glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9_+/=])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'linear-key',
    literals: ['lin_api_'],
    re: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'notion-token',
    literals: ['ntn_', 'secret_'],
    re: /(?<![A-Za-z0-9_])(?:ntn_[A-Za-z0-9]{46}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'sentry-token',
    literals: ['sntry'],
    re: /(?<![A-Za-z0-9_])sntry[su]_[A-Za-z0-9+/=_-]{40,300}(?![A-Za-z0-9+/=_-])/g,
    score: SCORE_PREFIX,
  },
  {
    pattern: 'age-secret-key',
    literals: ['AGE-SECRET-KEY-1'],
    re: /(?<![A-Za-z0-9_-])AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}(?![A-Za-z0-9_-])/g,
    score: SCORE_PREFIX,
  },
];

/**
 * One scan for every prefix rule: each rule's regex needs one of these literal starts, so a text without any of
 * them skips the rules (and their per-rule literal checks) at once.
 */
const PREFIX_ANCHORS =
  /AKIA|ASIA|gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|ft|soat|cbt)-|xox[bpaesr]-|hooks\.slack\.com|_live_|_test_|whsec_|AIza|npm_|SG\.|sk-|hf_|shp(?:at|ca|pa|ss)_|pypi-|do[opr]_v1_|sq0(?:atp|csp)-|ATATT3|dapi|PMAK-|glsa_|glc_|lin_api_|ntn_|secret_|sntry[su]_|AGE-SECRET-KEY-1/;
/** The anchors in any case: the shared scan skips most texts before the case-sensitive test. */
const PREFIX_HINT = defineKeywordHint('prefixed-key', [
  'akia', 'asia', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-', 'glcbt-',
  'xoxb-', 'xoxp-', 'xoxa-', 'xoxe-', 'xoxs-', 'xoxr-', 'hooks.slack.com', '_live_', '_test_', 'whsec_', 'aiza', 'npm_', 'sg.',
  'sk-', 'hf_', 'shpat_', 'shpca_', 'shppa_', 'shpss_', 'pypi-', '_v1_', 'sq0atp-', 'sq0csp-', 'atatt3', 'dapi', 'pmak-',
  'glsa_', 'glc_', 'lin_api_', 'ntn_', 'secret_', 'sntrys_', 'sntryu_', 'age-secret-key-1',
]);

export function detectPrefixRules(text: string, out: Finding[]): void {
  if (!hasKeywordHint(text, PREFIX_HINT) || !PREFIX_ANCHORS.test(text)) return;
  for (const rule of PREFIX_RULES) {
    let hit = false;
    for (const l of rule.literals) {
      if (text.includes(l)) {
        hit = true;
        break;
      }
    }
    if (!hit) continue;
    const re = rule.re;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const v = rule.validate ? rule.validate(m[0]) : { validation: 'none' as const, score: rule.score };
      out.push(finding(m.index, m.index + m[0].length, v.score, rule.pattern, v.validation));
    }
  }
}
