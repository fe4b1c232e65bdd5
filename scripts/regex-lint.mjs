// `npm run lint:regex`: every regex literal in shared/ through safe-regex2's star-height check, listing those it
// flags. A report, not a gate: safe-regex2 also flags bounded repetitions such as `[0-9]{5}(?:-[0-9]{4})?` that
// cannot backtrack badly. What proves the detectors linear is test/unit/detect/redos-adversarial.test.ts, which
// runs every detector on 1 MB of each kind of adversarial text.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import safeRegex from 'safe-regex2';
import ts from 'typescript';

const files = execFileSync('git', ['ls-files', 'shared'], { encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));
let total = 0;
const flagged = [];
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      total++;
      const text = node.getText();
      const [, body, flags] = /^\/(.*)\/([a-z]*)$/s.exec(text);
      if (!safeRegex(new RegExp(body, flags))) flagged.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}  ${text.length > 110 ? `${text.slice(0, 110)}…` : text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
console.log(`${total} regex literals in shared/, ${flagged.length} flagged by safe-regex2 (each detector is run on adversarial text in test/unit/detect/redos-adversarial.test.ts):`);
for (const line of flagged) console.log(`  ${line}`);
