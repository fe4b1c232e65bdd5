// The esbuild options of every Node bundle the scripts make (the CLI, the bench's job runner): one ES module per
// entry, for Node 20, dependencies left in node_modules, JSON imported as modules, `.mjs` files.
export const NODE_BUNDLE_OPTIONS = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  loader: { '.json': 'json' },
  logLevel: 'warning',
};
