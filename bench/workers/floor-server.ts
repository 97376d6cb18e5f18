// The floor app's server (docs/decisions/031-floor-relative-budgets.md): the app's server shape
// (app/server/index.ts) without the app. express with the same settings, the build's assets under
// /build as the app serves its own, and the same Express → Remix adapter
// (app/server/remix-adapter.ts: whole documents, one write, HTML compressed when asked). Left out
// on purpose, because they are the app's own cost and the budgets leave room for them: request
// ids and logging, security headers and the CSP nonce, the body limit and cross-site check,
// sessions.
//
// bench/sections/floor.ts bundles this file with esbuild as scripts/build-server.mjs bundles the
// app's server, and runs the bundle with NODE_ENV=production on the server core.
// Environment: PORT, FLOOR_DIR (the floor's build folder), FLOOR_DATABASE_PATH.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { type ServerBuild } from '@remix-run/node'
import express from 'express'
import { remixHandler } from '#app/server/remix-adapter.ts'

const port = Number(process.env.PORT)
const floorDir = process.env.FLOOR_DIR
if (!floorDir || !Number.isInteger(port)) throw new Error('PORT and FLOOR_DIR must be set')

const build = (await import(
  pathToFileURL(path.join(floorDir, 'build/index.js')).href
)) as ServerBuild
const app = express()
app.disable('x-powered-by')
app.set('trust proxy', true)
const buildCaching = { immutable: true, maxAge: '1y' }
app.use('/build', express.static(path.join(floorDir, 'public/build'), buildCaching))
// The app's load context type asks for these; the floor reads none of them.
const loadContext = { cspNonce: '', requestId: '', clientIp: '' }
app.use(remixHandler(build, process.env.NODE_ENV ?? 'production', () => loadContext))

const server = app.listen(port, '127.0.0.1', () => console.log(`floor app on ${port}`))
process.once('SIGTERM', () => {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 3000).unref()
})
