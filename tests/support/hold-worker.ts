// A worker thread with its own SQLite connection, for the concurrency tests: it waits at a shared
// barrier, then tries to hold the same slot for each of its sessions as fast as it can.
import { parentPort, workerData } from 'node:worker_threads'

type Input = {
  databasePath: string
  sessions: string[]
  practitionerId: string
  startAt: number
  now: number
  barrier: SharedArrayBuffer
  workers: number
}
const input = workerData as Input
process.env.DATABASE_PATH = input.databasePath
process.env.LOG_LEVEL = 'silent'

const { holdSlot } = await import('#app/domain/booking/wizard/hold.server.ts')

const barrier = new Int32Array(input.barrier)
Atomics.add(barrier, 0, 1)
Atomics.notify(barrier, 0)
while (Atomics.load(barrier, 0) < input.workers)
  Atomics.wait(barrier, 0, Atomics.load(barrier, 0), 50)

const results: string[] = []
for (const tokenHash of input.sessions) {
  try {
    const result = holdSlot({
      session: { tokenHash, verifiedEmail: null, provenBy: null, provenBookingId: null },
      practitionerId: input.practitionerId,
      startAt: input.startAt,
      now: new Date(input.now),
      actor: { type: 'patient' },
    })
    results.push(result.ok ? 'held' : result.reason)
  } catch (error) {
    results.push(`error: ${error instanceof Error ? error.message : String(error)}`)
  }
}
parentPort?.postMessage(results)
