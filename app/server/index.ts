import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { type ServerBuild } from '@remix-run/node'
import express, { type NextFunction, type Request, type Response } from 'express'
import { getEnv, resetEnvCache } from '#app/utils/env.server.ts'
import { logger } from '#app/utils/logger.server.ts'
import { DatabaseOpenError, getDb } from '#db/client.server.ts'
import { ensureClinicSettings } from '#db/first-run.ts'
import { migrateDatabase } from '#db/migrate.ts'
import {
  describeDemoData,
  hasDemoData,
  hasStaffAccount,
  shouldSeedDemo,
  writeDemoSignIns,
} from '#db/demo-data.ts'
import { type DemoSignIn, isDatabaseEmpty, seedDemoClinic } from '#db/seed.ts'
import { seedDemoAppointments } from '#db/seed-appointments.ts'
import { malformedPathsNotFound } from './malformed-paths.ts'
import { namesAFile } from './public-files.ts'
import { precompressed } from './precompressed.ts'
import { remixHandler } from './remix-adapter.ts'
import { type Scheduler, startScheduler } from './scheduler.ts'
import { streamUploads } from './uploads.ts'
import { tabletGate } from './tablet-gate.ts'
import { limitBody, refuseCrossSiteWrites, refuseTooLarge, securityHeaders } from './security.ts'
import {
  describeTotpKey,
  resolveTotpKey,
  TotpKeyFileError,
  type TotpKeySource,
} from './totp-key.ts'

declare module 'express-serve-static-core' {
  interface Request {
    id: string
    log: typeof logger
  }
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Opens and migrates the database, seeding the demo clinic into an empty one when this start
 * may (db/demo-data.ts). Returns the sign-ins when it seeded just now, and whether demo data is in.
 */
async function prepareDatabase(input: {
  seedDemo: boolean
  databasePath: string
}): Promise<{ seededNow: DemoSignIn[] | null; demo: boolean; hasStaff: boolean }> {
  const db = getDb()
  migrateDatabase(db)
  if (input.seedDemo && isDatabaseEmpty(db)) {
    const signIns = await seedDemoClinic(db)
    writeDemoSignIns(input.databasePath, signIns)
    // A week of demo appointments from today, so the clinicians' agenda has something to show.
    seedDemoAppointments(db, new Date())
    return { seededNow: signIns, demo: true, hasStaff: true }
  }
  ensureClinicSettings(db)
  return { seededNow: null, demo: hasDemoData(db), hasStaff: hasStaffAccount(db) }
}

/** Production never stores two-step sign-in seeds unsealed: the key is set, or kept in a file. */
function prepareTotpKey(): TotpKeySource {
  const env = getEnv()
  const resolved = resolveTotpKey({
    configured: env.TOTP_ENCRYPTION_KEY,
    production: env.NODE_ENV === 'production',
    databasePath: env.DATABASE_PATH,
  })
  if (resolved.key && resolved.key !== env.TOTP_ENCRYPTION_KEY) {
    process.env.TOTP_ENCRYPTION_KEY = resolved.key
    resetEnvCache()
  }
  return resolved
}

function createApp(build: ServerBuild) {
  const env = getEnv()
  const production = env.NODE_ENV === 'production'
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)

  app.use((req: Request, res: Response, next: NextFunction) => {
    req.id = randomUUID()
    req.log = logger.child({ requestId: req.id })
    res.setHeader('X-Request-Id', req.id)
    const started = process.hrtime.bigint()
    // As asked for: a malformed path is answered as another (malformed-paths.ts).
    const requestPath = req.path
    res.on('finish', () => {
      // The path only: query strings may carry tokens, and nothing health-related is ever in one.
      req.log.info(
        {
          method: req.method,
          path: requestPath,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      )
    })
    next()
  })
  app.use(securityHeaders({ production }))
  app.use(malformedPathsNotFound())

  // Fingerprinted build assets never change; everything else in public/ may. Scripts and styles
  // go out as the brotli or gzip copy the build made, when the browser takes one.
  const buildAssets = path.join(projectRoot, 'public/build')
  const buildCaching = { immutable: true, maxAge: '1y' }
  app.use(
    '/build',
    precompressed(buildAssets, buildCaching),
    express.static(buildAssets, buildCaching),
  )
  // Only a path that names a file (favicon.ico, robots.txt, fonts/…) can be in public/. Pages
  // skip the look-up: a file-system stat that fails on every page request cost a tenth of a
  // simple page's time (docs/decisions/025-request-cost.md).
  const publicFiles = express.static(path.join(projectRoot, 'public'), { maxAge: '1h' })
  app.use((req: Request, res: Response, next: NextFunction) =>
    namesAFile(req.path) ? publicFiles(req, res, next) : next(),
  )

  app.post('/csp-report', limitBody(16 * 1024), (req: Request, res: Response) => {
    req.log.warn({ report: req.rawBody?.toString('utf8').slice(0, 2000) }, 'csp violation')
    res.status(204).end()
  })

  app.use(refuseCrossSiteWrites())
  app.use(streamUploads(refuseTooLarge))
  app.use(limitBody())
  // Pages hold personal and health data: nothing is cached unless a route says otherwise (goal D8).
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store')
    next()
  })
  // A locked clinic tablet opens only its patient's forms (tablet-gate.ts).
  app.use(tabletGate())
  // app.use, not app.all('*'): Express would decode the path as a route parameter.
  app.use(
    remixHandler(build, env.NODE_ENV, (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      requestId: req.id,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    })),
  )
  // Errors Remix did not turn into a page itself: log them, answer without internals.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    req.log.error({ err: error }, 'unhandled error')
    if (!res.headersSent)
      res.status(500).type('text/plain').send('Something went wrong on our side.')
  })
  return app
}

export async function startServer() {
  let database: Awaited<ReturnType<typeof prepareDatabase>>
  let totpKey: TotpKeySource
  try {
    totpKey = prepareTotpKey()
    const env = getEnv()
    database = await prepareDatabase({
      seedDemo: shouldSeedDemo({ seedDemo: env.SEED_DEMO, databasePath: env.DATABASE_PATH }),
      databasePath: env.DATABASE_PATH,
    })
  } catch (error) {
    if (error instanceof DatabaseOpenError || error instanceof TotpKeyFileError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const env = getEnv()
  const buildUrl = pathToFileURL(path.join(projectRoot, 'build', 'index.js')).href
  const build = (await import(buildUrl)) as ServerBuild
  const app = createApp(build)
  let scheduler: Scheduler | null = null
  const server = app.listen(env.PORT, env.HOST, () => {
    const lines = [`Dermadesk is serving on ${env.APP_ORIGIN} (database: ${env.DATABASE_PATH})`]
    if (database.demo)
      lines.push(
        ...describeDemoData({
          databasePath: env.DATABASE_PATH,
          seededNow: database.seededNow,
        }),
      )
    if (!database.hasStaff)
      lines.push(
        'No staff accounts yet. Create the first admin: npm run staff:create -- --email you@your-clinic --role admin',
      )
    const keyNote = describeTotpKey(totpKey)
    if (keyNote) lines.push(keyNote)
    if (env.REQUIRE_STAFF_MFA)
      lines.push(
        'Staff two-step sign-in is required: after the password, each person sets up an authenticator app.',
      )
    console.log(lines.join('\n'))
    // Sends the outbox (and, later, other periodic jobs) once we are serving.
    scheduler = startScheduler(env)
  })
  const shutdown = () => {
    // A send in progress may finish and be recorded; one that does not is retried after its lease.
    const schedulerStopped = scheduler?.stop() ?? Promise.resolve()
    server.close(() => {
      void schedulerStopped.finally(() => {
        getDb().$client.close()
        process.exit(0)
      })
    })
    // Keep-alive sockets would hold close() open; give them a moment, then go.
    setTimeout(() => process.exit(0), 3000).unref()
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  return server
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  startServer().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
