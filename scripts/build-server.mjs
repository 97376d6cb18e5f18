// Bundles the HTTP server (app/server/) into build/server/index.js. Remix's compiler builds the
// app itself into build/index.js; the server imports that at start. npm packages stay external.
import fs from 'node:fs'
import { build } from 'esbuild'

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })

await build({
  entryPoints: ['app/server/index.ts'],
  outfile: 'build/server/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: packages.flatMap((name) => [name, `${name}/*`]),
  // A CommonJS package imported from ESM needs `require`; give the bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
})
console.log('Built build/server/index.js')
