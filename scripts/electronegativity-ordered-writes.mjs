// Preloaded into Electronegativity by scripts/electronegativity-check.mjs (`node --import`; the tool's require('fs')
// is the same object as this default import). The tool writes its CSV report with two
// asynchronous fs.writeFile calls that race: the header's (which truncates the file) and the rows' (an append).
// When the append lands first, the header's write truncates the rows away, or the two interleave (a run in CI
// read "Too few fields" on a row cut in half). Here fs.writeFile runs synchronously, so the header always comes
// first and no row is lost; its callback is still called asynchronously, as the tool expects.
import fs from 'node:fs';

fs.writeFile = function writeFileInOrder(file, data, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  try {
    fs.writeFileSync(file, data, typeof options === 'function' ? undefined : options);
  } catch (error) {
    if (typeof done === 'function') process.nextTick(done, error);
    else throw error;
    return;
  }
  if (typeof done === 'function') process.nextTick(done, null);
};
