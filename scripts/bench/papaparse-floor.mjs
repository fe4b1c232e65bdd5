// The floor the pipeline is measured against: papaparse parse + unparse of the same file, streamed, nothing else.
// Prints {"seconds": …} on stdout.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';

const [input, output] = process.argv.slice(2);
const started = performance.now();
const out = createWriteStream(output);
let first = true;
await new Promise((resolve, reject) => {
  Papa.parse(createReadStream(input, { highWaterMark: 1 << 20 }), {
    chunk: (result, parser) => {
      const text = Papa.unparse(result.data, { newline: '\n' });
      if (!out.write((first ? '' : '\n') + text)) {
        parser.pause();
        out.once('drain', () => parser.resume());
      }
      first = false;
    },
    complete: resolve,
    error: reject,
  });
});
out.end();
await once(out, 'finish');
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
