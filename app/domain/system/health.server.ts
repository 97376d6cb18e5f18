import { getDb } from '#db/client.server.ts'

export type HealthReport = {
  status: 'ok' | 'error'
  database: { status: 'ok' | 'error'; journalMode?: string; detail?: string }
}

/** Proves the database answers a query and is in WAL mode; never throws. */
export function checkHealth(): HealthReport {
  try {
    const sqlite = getDb().$client
    sqlite.prepare('SELECT 1 FROM clinic_settings LIMIT 1').get()
    const journalMode = String(sqlite.pragma('journal_mode', { simple: true }))
    return { status: 'ok', database: { status: 'ok', journalMode } }
  } catch {
    // The reason goes to the log, not to an unauthenticated caller.
    return {
      status: 'error',
      database: { status: 'error', detail: 'The database did not answer.' },
    }
  }
}
