/**
 * SECRET detector: credentials, API keys and tokens pasted into tickets.
 *
 * Named patterns (explanation.pattern), each found from a literal or near-literal anchor:
 *  - aws-access-key-id           AKIA/ASIA + 16 upper alnum; 0.95 when the 16 are base32 (validation passed), else 0.9
 *  - aws-secret-access-key       a run of exactly 40 base64 characters (upper, lower and digit) with "aws" or
 *                                "secret" in the 80 characters before it; 0.95
 *  - github-token                ghp_/gho_/ghu_/ghs_/ghr_ + 36..251 alnum; github_pat_ + 22..242; 0.95
 *  - gitlab-token                glpat-/gldt-/glrt-/glptt-/glft-/glsoat-/glcbt- + 20..64; 0.95
 *  - slack-token                 xoxb-/xoxp-/xoxa-/xoxr-/xoxe-/xoxs- + 10..250; 0.95
 *  - slack-webhook               https://hooks.slack.com/services|workflows|triggers/…; 0.97 (beats the URL detector)
 *  - stripe-key                  sk_live_/rk_live_/sk_test_/rk_test_/pk_live_/whsec_ + 10..247; 0.95
 *  - google-api-key              AIza + 35; 0.95
 *  - npm-token, sendgrid-key     npm_ + 36; SG.<22>.<43>; 0.95
 *  - jwt                         three (or five, JWE) base64url segments whose first decodes (atob) to a JSON object
 *                                with a string "alg"; 0.95. Tokens whose header does not decode are not reported.
 *  - private-key-pem             -----BEGIN … PRIVATE KEY----- through -----END … PRIVATE KEY-----; 0.99. A block
 *                                cut off before its END line covers the BEGIN line and the base64 lines that follow
 *                                (validation failed, 0.9).
 *  - bearer-token                "Bearer <token>"; 0.95 after "Authorization", else 0.9
 *  - basic-auth                  "Basic <base64>" that decodes to printable "user:password"; 0.95
 *  - key-value                   password= passwd: pwd: pass: Passwort: Kennwort: "mot de passe :" contraseña:
 *                                api_key= access_key= secret= token= client_secret= (also with prefixes such as
 *                                db_, aws_, refresh_, camelCase, JSON keys and <password>…</password>); the span is the
 *                                value only; 0.9 (base 0.4, the label +0.5, recorded in explanation.context)
 *  - connection-string-url       postgres://user:pass@host/db, mongodb+srv://…, redis://:pass@…, jdbc:…; only with a
 *                                password in it; the whole string; 0.95
 *  - connection-string           Server=…;User Id=…;Password=…; (ADO.NET, ODBC, Npgsql, Azure storage/service bus);
 *                                needs a password/key segment; the whole string; 0.95
 *  - product-key                 XXXXX-XXXXX-XXXXX-XXXXX-XXXXX (upper alnum, with a letter and a digit); 0.85,
 *                                validation passed when every character is in Microsoft's product-key alphabet
 *
 * Cost: every family is one literal search (indexOf or a regex that starts with a literal or a short class with
 * bounded quantifiers); after a candidate is examined, the search resumes behind everything that was scanned, so
 * each character is visited a bounded number of times. Cheap gates skip whole families first: the key-value
 * scan needs '=', ':' or '>' in the text, product keys need two hyphens six characters apart. The detector
 * returns non-overlapping findings.
 *
 * Each family is a scanner of its own under secret/: prefixed-keys, aws-secret, jwt, pem-blocks, authorization,
 * key-value, connection-strings, product-keys (scores.ts holds the scores, scan.ts the shared character tests).
 */

import type { Detector, Finding } from '../finding';
import { resolveOverlaps } from '../registry';
import { detectAuthorization } from './secret/authorization';
import { detectAwsSecret } from './secret/aws-secret';
import { detectConnectionStrings, detectConnectionUrls } from './secret/connection-strings';
import { detectJwt } from './secret/jwt';
import { detectKeyValue } from './secret/key-value';
import { detectPem } from './secret/pem-blocks';
import { detectPrefixRules } from './secret/prefixed-keys';
import { detectProductKeys } from './secret/product-keys';

export const secretDetector: Detector = {
  id: 'secret',
  version: '1',
  types: ['SECRET'],
  detect(text) {
    if (text.length < 8) return [];
    const out: Finding[] = [];
    detectPrefixRules(text, out);
    detectAwsSecret(text, out);
    detectJwt(text, out);
    if (text.includes('-----BEGIN ')) detectPem(text, out);
    detectAuthorization(text, out);
    // A label is always followed by '=', ':' or an XML element's '>'.
    if (text.includes('=') || text.includes(':') || text.includes('>')) detectKeyValue(text, out);
    if (text.includes('://')) detectConnectionUrls(text, out);
    if (text.includes('=') && text.includes(';')) detectConnectionStrings(text, out);
    detectProductKeys(text, out);
    return out.length === 0 ? out : resolveOverlaps(out);
  },
};
