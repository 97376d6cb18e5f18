// `npm start`: build when the sources are newer than the last build, then serve.
// The server itself creates the database file, migrates it and seeds the demo clinic.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)
process.env.NODE_ENV ??= 'production'

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

const outputs = ['build/index.js', 'build/server/index.js', 'public/build']
const builtAt = Math.min(
  ...outputs.map((output) => (fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0)),
)
const sourcesAt = Math.max(
  ...['app', 'db', 'remix.config.js', 'package-lock.json'].map(newestMtime),
)

if (builtAt === 0 || sourcesAt > builtAt) {
  console.log('Building the app…')
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const { startServer } = await import('../build/server/index.js')
await startServer()
