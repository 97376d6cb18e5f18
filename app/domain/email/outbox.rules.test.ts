import { describe, expect, test } from 'vitest'
import {
  clinicSender,
  calendarMethodOf,
  describeOutboxStatus,
  MAX_DELIVERY_ATTEMPTS,
  retryDelayMs,
  SENDING_LEASE_MS,
} from './outbox.rules.ts'

describe('retry schedule', () => {
  test('30 s, 2 min, 10 min, 1 h, 6 h, then give up', () => {
    const delays = Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => retryDelayMs(i + 1))
    expect(delays).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000, null])
    expect(retryDelayMs(MAX_DELIVERY_ATTEMPTS + 3)).toBeNull()
  })

  test('the lease outlasts a send: no healthy send is taken over', () => {
    expect(SENDING_LEASE_MS).toBeGreaterThan(60_000)
  })
})

describe('calendar method', () => {
  test('CANCEL only when the file says so on a line of its own', () => {
    expect(calendarMethodOf('BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR')).toBe('CANCEL')
    expect(calendarMethodOf('BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR')).toBe('PUBLISH')
    expect(calendarMethodOf('DESCRIPTION:METHOD:CANCEL is not a method\r\n')).toBe('PUBLISH')
  })
})

describe('status for admins', () => {
  test('each state has a plain label and a tone', () => {
    const configured = { mailServerConfigured: true, attempts: 0 }
    expect(describeOutboxStatus({ ...configured, status: 'sent' })).toEqual({
      label: 'Sent',
      tone: 'ok',
    })
    expect(describeOutboxStatus({ ...configured, status: 'pending' }).label).toBe('Waiting to send')
    expect(describeOutboxStatus({ ...configured, status: 'pending', attempts: 2 })).toEqual({
      label: 'Waiting to retry',
      tone: 'warn',
    })
    expect(describeOutboxStatus({ ...configured, status: 'failed' }).tone).toBe('bad')
    expect(
      describeOutboxStatus({ status: 'pending', attempts: 0, mailServerConfigured: false }).label,
    ).toBe('Kept in outbox – no mail server configured')
  })
})

describe('the sender patients see', () => {
  test('the clinic’s name on the sending address, replies to the clinic', () => {
    expect(
      clinicSender(
        { name: 'Dermadesk Skin Clinic Milano', email: 'hello@clinic.example' },
        'Dermadesk <no-reply@dermadesk.local>',
      ),
    ).toEqual({
      from: { name: 'Dermadesk Skin Clinic Milano', address: 'no-reply@dermadesk.local' },
      replyTo: 'hello@clinic.example',
    })
  })

  test('before the clinic has details: the configured name, and no Reply-To', () => {
    expect(clinicSender({ name: '', email: '' }, '"Clinic" <a@b.example>')).toEqual({
      from: { name: 'Clinic', address: 'a@b.example' },
    })
    expect(clinicSender(null, 'a@b.example')).toEqual({
      from: { name: 'a@b.example', address: 'a@b.example' },
    })
  })
})
