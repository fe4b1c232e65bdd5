/** Scores of the SECRET findings and the builder that makes them (see secret.ts for which pattern scores what). */

import { findingBuilder } from '../../finding-builder';

export const SCORE_PREFIX = 0.95;
export const SCORE_WEAKER = 0.9;
export const SCORE_WEBHOOK = 0.97;
export const SCORE_PEM = 0.99;
export const SCORE_PRODUCT_KEY = 0.85;
export const KV_BASE = 0.4;
export const KV_LABEL_EFFECT = 0.5;
export const AWS_SECRET_BASE = 0.4;

export const finding = findingBuilder('secret', 'SECRET', 'none');
