import { describe, expect, test } from 'vitest'
import { getDb } from './client.server.ts'

type Row = Record<string, unknown>

describe('demo clinic', () => {
  test('has a doctor, a nurse and two aestheticians with credentials and depth limits', () => {
    const rows = getDb()
      .$client.prepare(
        'SELECT title, credential, registration, max_needle_depth_um FROM practitioners',
      )
      .all() as Row[]
    const medical = rows.filter((r) => r.credential === 'medical')
    const aesthetic = rows.filter((r) => r.credential === 'aesthetic')
    expect(medical.some((r) => String(r.title).startsWith('Doctor'))).toBe(true)
    expect(medical.some((r) => String(r.title).includes('nurse'))).toBe(true)
    expect(aesthetic.length).toBeGreaterThanOrEqual(2)
    for (const r of aesthetic) expect(r.max_needle_depth_um).toBeLessThanOrEqual(500)
    for (const r of rows) expect(String(r.registration).length).toBeGreaterThan(5)
  })

  test('offers at least five services across both tiers with course plans', () => {
    const rows = getDb()
      .$client.prepare('SELECT tier, kind, course_sessions FROM services')
      .all() as Row[]
    expect(rows.length).toBeGreaterThanOrEqual(5)
    expect(new Set(rows.map((r) => r.tier))).toEqual(new Set(['medical', 'cosmetic']))
    expect(rows.some((r) => r.kind === 'consultation')).toBe(true)
    expect(rows.some((r) => Number(r.course_sessions) > 1)).toBe(true)
  })

  test('has one admin-only user and one clinician who is also admin', () => {
    const roles = getDb()
      .$client.prepare(
        "SELECT user_id, group_concat(role, ',') AS roles FROM (SELECT * FROM user_roles ORDER BY role) GROUP BY user_id",
      )
      .all() as { roles: string }[]
    expect(roles.map((r) => r.roles)).toContain('admin')
    expect(roles.map((r) => r.roles)).toContain('admin,clinician')
  })

  test('every practitioner works some hours each week', () => {
    const rows = getDb()
      .$client.prepare(
        'SELECT p.id, count(w.id) AS n FROM practitioners p LEFT JOIN working_hours w ON w.practitioner_id = p.id GROUP BY p.id',
      )
      .all() as { n: number }[]
    for (const r of rows) expect(r.n).toBeGreaterThan(0)
  })
})
