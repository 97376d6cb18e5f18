import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { verifyPassword } from '#app/domain/auth/password.server.ts'
import { getDb } from '#db/client.server.ts'
import { clinicSettings, users } from '#db/schema/index.ts'
import { useEmptyDatabase } from '#tests/setup/db-utils.ts'
import {
  demoSignInsFile,
  describeDemoData,
  hasDemoData,
  hasStaffAccount,
  readDemoSignIns,
  shouldSeedDemo,
  writeDemoSignIns,
} from './demo-data.ts'
import { ensureClinicSettings } from './first-run.ts'
import { DEMO_STAFF_EMAILS, generateDemoPassword, seedDemoClinic } from './seed.ts'

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dermadesk-demo-'))
}

describe('when the demo clinic is seeded', () => {
  test('only on the default path unless SEED_DEMO says so', () => {
    const cwd = '/srv/dermadesk'
    expect(shouldSeedDemo({ seedDemo: undefined, databasePath: 'data/dermadesk.db', cwd })).toBe(
      true,
    )
    expect(
      shouldSeedDemo({
        seedDemo: undefined,
        databasePath: '/srv/dermadesk/data/dermadesk.db',
        cwd,
      }),
    ).toBe(true)
    // A database anywhere else is a real deployment: no demo accounts by accident.
    expect(
      shouldSeedDemo({ seedDemo: undefined, databasePath: '/var/lib/clinic/clinic.db', cwd }),
    ).toBe(false)
    expect(shouldSeedDemo({ seedDemo: undefined, databasePath: 'data/clinic.db', cwd })).toBe(false)
    expect(shouldSeedDemo({ seedDemo: true, databasePath: '/var/lib/clinic/clinic.db', cwd })).toBe(
      true,
    )
    expect(shouldSeedDemo({ seedDemo: false, databasePath: 'data/dermadesk.db', cwd })).toBe(false)
  })
})

describe('demo staff passwords', () => {
  test('are random for every account and every database, and long enough for staff', () => {
    const passwords = new Set(Array.from({ length: 200 }, generateDemoPassword))
    expect(passwords.size).toBe(200)
    for (const password of passwords) expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    expect([...passwords][0]!.length).toBeGreaterThanOrEqual(15)
  })

  test('seeding gives each demo account its own password, which signs it in; none is the old published one', async () => {
    useEmptyDatabase()
    const signIns = await seedDemoClinic(getDb())
    expect(signIns.map((s) => s.email)).toEqual(DEMO_STAFF_EMAILS)
    expect(new Set(signIns.map((s) => s.password)).size).toBe(signIns.length)
    for (const signIn of signIns) {
      expect(signIn.password).not.toBe('dermadesk-demo-2026')
      const row = getDb()
        .select()
        .from(users)
        .all()
        .find((user) => user.email === signIn.email)!
      expect(await verifyPassword(row.passwordHash, signIn.password)).toBe(true)
      expect(await verifyPassword(row.passwordHash, 'dermadesk-demo-2026')).toBe(false)
    }
    expect(hasDemoData(getDb())).toBe(true)
  })

  test('are written beside the database, readable by its owner only, and read back', () => {
    const dir = tempDir()
    const databasePath = path.join(dir, 'dermadesk.db')
    const signIns = [
      { email: 'a@dermadesk.example', password: 'abcd-efgh-ijkm-npqr', roles: 'admin' },
      { email: 'b@dermadesk.example', password: 'stuv-wxyz-2345-6789', roles: 'clinician' },
    ]
    const file = writeDemoSignIns(databasePath, signIns)
    expect(file).toBe(path.join(dir, 'dermadesk.demo-sign-ins.txt'))
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(readDemoSignIns(databasePath)).toEqual(signIns)
    // Written again for a new database: replaced, still 0600.
    writeDemoSignIns(databasePath, signIns.slice(0, 1))
    expect(readDemoSignIns(databasePath)).toHaveLength(1)
    expect(fs.statSync(demoSignInsFile(databasePath)).mode & 0o777).toBe(0o600)
    fs.rmSync(dir, { recursive: true })
  })

  test('the start says in one line that demo data is loaded and how to start clean; passwords only when just made', () => {
    const later = describeDemoData({ databasePath: 'data/dermadesk.db', seededNow: null })
    expect(later).toHaveLength(1)
    expect(later[0]).toContain('Demo data loaded')
    expect(later[0]).toContain('data/dermadesk.demo-sign-ins.txt')
    expect(later[0]).toContain('SEED_DEMO=false npm run db:reset')
    expect(later[0]).toContain('npm run staff:create')
    const now = describeDemoData({
      databasePath: 'data/dermadesk.db',
      seededNow: [
        { email: 'a@dermadesk.example', password: 'abcd-efgh-ijkm-npqr', roles: 'admin' },
      ],
    })
    expect(now.join('\n')).toContain('abcd-efgh-ijkm-npqr')
  })
})

describe('a clean start', () => {
  test('gets a settings row with blank contact details, once, and no accounts', () => {
    useEmptyDatabase()
    expect(ensureClinicSettings(getDb())).toBe(true)
    expect(ensureClinicSettings(getDb())).toBe(false)
    expect(getDb().select().from(clinicSettings).get()).toMatchObject({
      name: 'Your clinic',
      phone: '',
      timeZone: 'Europe/Rome',
      maxUpcomingBookingsPerEmail: 3,
    })
    expect(getDb().select().from(users).all()).toEqual([])
    expect(hasDemoData(getDb())).toBe(false)
    expect(hasStaffAccount(getDb())).toBe(false)
  })
})
