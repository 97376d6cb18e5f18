// A worker thread with its own SQLite connection that keeps the database busy while a backup
// runs: each transaction writes an outbox email and the audit row that records it, as the app
// does. It counts committed transactions in shared memory and stops when told to.
import { parentPort, workerData } from 'node:worker_threads'

type Input = { databasePath: string; shared: SharedArrayBuffer }
const input = workerData as Input
process.env.DATABASE_PATH = input.databasePath
process.env.LOG_LEVEL = 'silent'

const { recordAuditEvent } = await import('#app/domain/audit/audit.server.ts')
const { enqueueEmail } = await import('#app/domain/email/outbox.server.ts')
const { getDb, closeDb } = await import('#db/client.server.ts')

// [0] = stop flag (set by the test), [1] = committed transactions.
const state = new Int32Array(input.shared)
const db = getDb()
let n = 0
while (Atomics.load(state, 0) === 0) {
  n += 1
  db.transaction(
    (tx) => {
      enqueueEmail(tx, {
        dedupeKey: `backup-test:${n}`,
        to: `writer-${n}@example.com`,
        subject: 'Backup test',
        text: 'x'.repeat(500),
      })
      recordAuditEvent(tx, {
        action: 'backup_test.write',
        actor: { type: 'system' },
        subjectType: 'email',
        subjectId: `backup-test:${n}`,
      })
    },
    { behavior: 'immediate' },
  )
  Atomics.store(state, 1, n)
}
closeDb()
parentPort?.postMessage(n)
