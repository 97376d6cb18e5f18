// The built app exactly as `npm start` serves it (build/server/index.js), configured through the
// environment by bench/run.ts: its own port, database file and log file.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
process.chdir(root)
const { startServer } = await import(pathToFileURL(path.join(root, 'build/server/index.js')).href)
await startServer()
