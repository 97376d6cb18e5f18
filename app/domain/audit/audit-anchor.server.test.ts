import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { getDatabasePath, getDb } from '#db/client.server.ts'
import { hashAuditRow, recordAuditEvent } from './audit.server.ts'
import { AUDIT_GENESIS_HASH } from './audit.schema.ts'
import { verifyAuditLog } from './audit-anchor.server.ts'

let dir: string
let anchorFile: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-anchor-'))
  anchorFile = path.join(dir, 'audit-anchor.json')
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function record(count: number, action = 'test.event') {
  for (let i = 0; i < count; i++)
    recordAuditEvent(getDb(), { action, actor: { type: 'system' }, details: { i } })
}

/** What an attacker with write access to the file could do: rebuild a valid chain from scratch. */
function rewriteWholeChain(actions: string[]) {
  const sqlite = getDb().$client
  sqlite.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;')
  sqlite.exec('DELETE FROM audit_events')
  let prevHash = AUDIT_GENESIS_HASH
  const insert = sqlite.prepare(
    `INSERT INTO audit_events (seq, occurred_at, action, actor_type, actor_id, subject_type,
       subject_id, patient_id, ip_address, request_id, details, prev_hash, hash)
     VALUES (?, ?, ?, 'system', NULL, NULL, NULL, NULL, NULL, NULL, '{}', ?, ?)`,
  )
  actions.forEach((action, index) => {
    const row = {
      seq: index + 1,
      occurredAt: 1_790_000_000_000 + index,
      action,
      actorType: 'system',
      actorId: null,
      subjectType: null,
      subjectId: null,
      patientId: null,
      ipAddress: null,
      requestId: null,
      details: '{}',
    }
    const hash = hashAuditRow(prevHash, row)
    insert.run(row.seq, row.occurredAt, action, prevHash, hash)
    prevHash = hash
  })
}

describe('audit:verify and the off-box anchor (goal E3)', () => {
  test('first run writes the anchor; later runs match it and move it forward', () => {
    record(3)
    const first = verifyAuditLog({ db: getDb(), anchorFile })
    expect(first.ok).toBe(true)
    expect(first.lines[0]).toMatch(/^OK: 3 rows, head [0-9a-f]{64}$/)
    expect(JSON.parse(fs.readFileSync(anchorFile, 'utf8'))).toMatchObject({ seq: 3 })

    record(2)
    const second = verifyAuditLog({ db: getDb(), anchorFile })
    expect(second.ok).toBe(true)
    expect(second.lines[1]).toMatch(/^Anchor: seq 3 from \S+ matches$/)
    expect(JSON.parse(fs.readFileSync(anchorFile, 'utf8'))).toMatchObject({ seq: 5 })
  })

  test('a whole chain rewritten with valid hashes passes the chain check but fails the anchor', () => {
    record(4)
    expect(verifyAuditLog({ db: getDb(), anchorFile }).ok).toBe(true)
    const anchored = fs.readFileSync(anchorFile, 'utf8')
    rewriteWholeChain(['a', 'b', 'c', 'd', 'e'])
    expect(verifyAuditLog({ db: getDb() }).ok).toBe(true) // the chain alone is fooled
    const result = verifyAuditLog({ db: getDb(), anchorFile })
    expect(result.ok).toBe(false)
    expect(result.lines.at(-1)).toMatch(
      /^FAILED: seq 4 no longer has the hash anchored .* rewritten$/,
    )
    // A failed check leaves the old anchor in place.
    expect(fs.readFileSync(anchorFile, 'utf8')).toBe(anchored)
  })

  test('rows removed from the end fail against an anchor that saw them', () => {
    record(5)
    verifyAuditLog({ db: getDb(), anchorFile })
    const sqlite = getDb().$client
    sqlite.exec('DROP TRIGGER audit_events_no_delete;')
    sqlite.exec('DELETE FROM audit_events WHERE seq > 3')
    const result = verifyAuditLog({ db: getDb(), anchorFile })
    expect(result.ok).toBe(false)
    expect(result.lines.at(-1)).toMatch(/only 3 rows: rows were removed/)
  })

  test('a broken chain fails before the anchor is read, naming the seq', () => {
    record(4)
    const sqlite = getDb().$client
    sqlite.exec('DROP TRIGGER audit_events_no_update;')
    sqlite.prepare('UPDATE audit_events SET details = \'{"i":99}\' WHERE seq = 2').run()
    expect(verifyAuditLog({ db: getDb(), anchorFile })).toEqual({
      ok: false,
      lines: ['FAILED: the chain breaks at seq 2 (altered row)'],
    })
    expect(fs.existsSync(anchorFile)).toBe(false)
  })

  test('a damaged anchor file is a failure, not a fresh start', () => {
    record(1)
    fs.writeFileSync(anchorFile, '{"seq": "x"}')
    expect(verifyAuditLog({ db: getDb(), anchorFile })).toMatchObject({ ok: false })
  })

  test('npm run audit:verify prints the result and exits 1 on failure', () => {
    record(2)
    const run = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/audit-verify.ts', '--anchor-file', anchorFile],
        {
          env: { ...process.env, DATABASE_PATH: getDatabasePath() },
          encoding: 'utf8',
        },
      )
    const ok = run()
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^OK: 2 rows, head [0-9a-f]{64}\n/)
    rewriteWholeChain(['x', 'y', 'z'])
    const failed = run()
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(/FAILED: seq 2 no longer has the hash/)
  })
})
