import { type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test, vi } from 'vitest'
import { getDb } from '#db/client.server.ts'
import { DEMO_SERVICES } from '#db/seed.ts'
import { HealingTimeline } from '#app/components/healing-timeline.tsx'
import {
  aftercareEmail,
  type BookingEmailContext,
  bookingConfirmedEmail,
  reminderEmail,
} from '#app/domain/booking/booking-emails.server.ts'
import {
  currentTextValues,
  getRequiredVersion,
} from '#app/domain/consent/consent-documents.server.ts'
import { renderConsentText, renderSections } from '#app/domain/consent/consent-text.rules.ts'
import { LocaleProvider } from '#app/i18n/locale-context.tsx'
import AftercareRoute from '#app/routes/bookings.$reference.aftercare.tsx'
import { stageLabelLines, timelineAltText } from './timeline-picture.ts'
import {
  CONTENT_TIERS,
  type ContentTier,
  coursePlanText,
  stageLine,
  stageOnDay,
  tierContent,
  visitLengthLine,
} from './tier-content.ts'

/**
 * One source, many surfaces (ADR 033): the consent as published, the healing-timeline picture,
 * the aftercare page and the booking emails are rendered as patients get them, and each must say
 * what the tier's content says — no stage, day range, warning sign or rule of its own.
 */

const loaderData = vi.hoisted(() => ({ current: {} as unknown }))
vi.mock('@remix-run/react', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  useLoaderData: () => loaderData.current,
  Link: ({ to, children }: { to: string; children: ReactNode }) => <a href={to}>{children}</a>,
}))

const decode = (html: string) =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
const textOf = (html: string) =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
/** The items of the first list after a heading's text. */
function listAfter(html: string, heading: string): string[] {
  const from = html.indexOf(heading)
  expect(from, heading).toBeGreaterThan(-1)
  const list = /<(ul|ol)[^>]*>([\s\S]*?)<\/\1>/.exec(html.slice(from))![2]!
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!))
}
/** Day ranges a text names as stages ("Day 0", "Days 4 to 6", "From day 11"). */
const stageRanges = (text: string) =>
  new Set([...text.matchAll(/\b(?:Days? \d+(?: to \d+)?|From day \d+)(?=:)/g)].map((m) => m[0]))

function publishedConsent(tier: ContentTier) {
  const db = getDb()
  // The version a session in the future needs: the one published now.
  const version = getRequiredVersion(db, tier, Date.now() + 365 * 24 * 3600_000)!
  const values = currentTextValues(db)
  return {
    text: renderConsentText(version, values),
    sections: renderSections(version.content, values),
  }
}

function sectionList(sections: ReturnType<typeof renderSections>, key: string): string[] {
  return sections
    .find((s) => s.key === key)!
    .blocks.flatMap((block) => (block.type === 'list' ? block.items : []))
}

function emailContext(
  tier: ContentTier,
  minutes: number,
  locale?: 'en' | 'it',
): BookingEmailContext {
  const startAt = new Date('2027-03-02T09:00:00Z')
  return {
    bookingId: '00000000-0000-4000-8000-000000000001',
    reference: 'DD-TEST01',
    status: 'confirmed',
    startAt,
    endAt: new Date(startAt.getTime() + minutes * 60_000),
    timeZone: 'Europe/Rome',
    isConsultation: false,
    tier,
    practitionerName: 'Dr Test',
    patientName: 'Test Patient',
    patientEmail: 'patient@example.com',
    clinic: {
      name: 'Clinic',
      phone: '+39 02 0000 0000',
      email: 'c@example.com',
      address: 'Milano',
    },
    priceCents: 18000,
    cancellationWindowHours: 48,
    manageUrl: 'http://localhost/bookings/manage?token=x',
    sequence: 0,
    ...(locale ? { locale } : {}),
  }
}

describe.each(CONTENT_TIERS)('the %s tier says the same everywhere', (tier) => {
  const content = tierContent(tier)
  const stageWhens = new Set(content.stages.map((s) => s.when))

  test('the published consent: the same stages, course, aftercare, sun and warning signs', () => {
    const { text, sections } = publishedConsent(tier)
    expect(sectionList(sections, 'what_to_expect')).toEqual(content.stages.map(stageLine))
    expect(text).toContain(coursePlanText(tier))
    expect(sectionList(sections, 'aftercare')).toEqual([...content.aftercare, ...content.sun])
    expect(sectionList(sections, 'when_to_call')).toEqual([...content.whenToCall])
    expect(stageRanges(text)).toEqual(stageWhens)
  })

  test('the healing-timeline picture and its text', () => {
    const html = renderToStaticMarkup(<HealingTimeline tier={tier} />)
    // The list under the picture: one item per stage, in words.
    expect(listAfter(html, 'How your skin heals')).toEqual(content.stages.map(stageLine))
    // The labels drawn in the picture.
    const labels = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!))
    expect(labels).toEqual(content.stages.flatMap((stage) => stageLabelLines(stage)))
    for (const stage of content.stages)
      expect(stageLabelLines(stage).slice(1).join(' ')).toBe(stage.title)
    expect(decode(html)).toContain(`aria-label="${timelineAltText(content.stages)}"`)
    expect(stageRanges(textOf(html))).toEqual(stageWhens)
  })

  test('the aftercare page', () => {
    loaderData.current = {
      reference: 'DD-TEST01',
      completed: false,
      treatmentDate: 'Tuesday 2 March 2027',
      tier,
      clinicName: 'Clinic',
      clinicPhone: '+39 02 0000 0000',
      stageDates: null,
    }
    const html = renderToStaticMarkup(<AftercareRoute />)
    const text = textOf(html)
    expect(listAfter(html, 'When to call us')).toEqual([...content.whenToCall])
    expect(listAfter(html, 'The rules in short')).toEqual([...content.aftercare])
    expect(listAfter(html, '>The sun<')).toEqual([...content.sun])
    for (const stage of content.stages) {
      expect(text).toContain(`${stage.when}: ${stage.title}`)
      expect(text).toContain(stage.text)
      for (const line of [...stage.do, ...stage.avoid]) expect(text).toContain(line)
    }
    expect(stageRanges(text)).toEqual(stageWhens)
  })

  test('the confirmation, reminder and aftercare emails', () => {
    for (const minutes of [45, 75]) {
      for (const email of [
        bookingConfirmedEmail(emailContext(tier, minutes)),
        reminderEmail(emailContext(tier, minutes)),
      ]) {
        for (const line of content.preVisit) expect(email.text).toContain(`- ${line}`)
        expect(email.text).toContain(visitLengthLine(minutes))
        expect(email.text).not.toMatch(/about an hour/)
      }
    }
    for (const day of [1, 3, 7] as const) {
      const email = aftercareEmail(emailContext(tier, 60), day)
      const stage = stageOnDay(tier, day)
      expect(email.text).toContain(stage.text)
      for (const line of stage.do) expect(email.text).toContain(line)
      // Nothing from another stage of the course.
      for (const other of content.stages.filter((s) => s !== stage))
        expect(email.text).not.toContain(other.text)
    }
  })
})

/** Italian day ranges named as stages ("Giorno 0", "Dal giorno 4 al giorno 6", "Dal giorno 11"). */
const italianStageRanges = (text: string) =>
  new Set(
    [...text.matchAll(/\b(?:Giorno \d+|Dal giorno \d+(?: al giorno \d+)?)(?=:)/g)].map((m) => m[0]),
  )

describe.each(CONTENT_TIERS)('the %s tier says the same everywhere in Italian', (tier) => {
  const content = tierContent(tier, 'it')
  const stageWhens = new Set(content.stages.map((s) => s.when))
  const inItalian = (element: ReactNode) =>
    renderToStaticMarkup(<LocaleProvider locale="it">{element}</LocaleProvider>)

  test('the healing-timeline picture and its text', () => {
    const html = inItalian(<HealingTimeline tier={tier} />)
    expect(listAfter(html, 'Come guarisce la pelle')).toEqual(content.stages.map(stageLine))
    const labels = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!))
    expect(labels).toEqual(content.stages.flatMap((stage) => stageLabelLines(stage, 'it')))
    for (const stage of content.stages) {
      const lines = stageLabelLines(stage, 'it')
      expect(lines.slice(1).join(' ')).toBe(stage.title)
      // Every line fits its panel (17 characters), the days shortened to "Giorni 4–6" if need be.
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(17)
      expect(lines[0]).toMatch(
        stage.toDay === null || stage.toDay === stage.fromDay
          ? new RegExp(`^${stage.when}$`)
          : new RegExp(`^(${stage.when}|Giorni ${stage.fromDay}–${stage.toDay})$`),
      )
    }
    expect(decode(html)).toContain(`aria-label="${timelineAltText(content.stages, 'it')}"`)
    expect(timelineAltText(content.stages, 'it')).toMatch(/^Disegno di come guarisce la pelle/)
    expect(italianStageRanges(textOf(html))).toEqual(stageWhens)
    // Nothing of the English content.
    for (const stage of tierContent(tier).stages) expect(textOf(html)).not.toContain(stage.text)
  })

  test('the aftercare page', () => {
    loaderData.current = {
      reference: 'DD-TEST01',
      completed: false,
      treatmentDate: 'martedì 2 marzo 2027',
      tier,
      clinicName: 'Clinic',
      clinicPhone: '+39 02 0000 0000',
      stageDates: null,
    }
    const html = inItalian(<AftercareRoute />)
    const text = textOf(html)
    expect(listAfter(html, 'Quando chiamarci')).toEqual([...content.whenToCall])
    expect(listAfter(html, 'Le regole in breve')).toEqual([...content.aftercare])
    expect(listAfter(html, '>Il sole<')).toEqual([...content.sun])
    for (const stage of content.stages) {
      expect(text).toContain(`${stage.when}: ${stage.title}`)
      expect(text).toContain(stage.text)
      for (const line of [...stage.do, ...stage.avoid]) expect(text).toContain(line)
    }
    expect(italianStageRanges(text)).toEqual(stageWhens)
    expect(stageRanges(text)).toEqual(new Set())
  })

  test('the confirmation, reminder and aftercare emails', () => {
    for (const minutes of [45, 75]) {
      for (const email of [
        bookingConfirmedEmail(emailContext(tier, minutes, 'it')),
        reminderEmail(emailContext(tier, minutes, 'it')),
      ]) {
        for (const line of content.preVisit) expect(email.text).toContain(`- ${line}`)
        expect(email.text).toContain(visitLengthLine(minutes, 'it'))
        for (const line of tierContent(tier).preVisit) expect(email.text).not.toContain(line)
        expect(email.html).not.toContain('lang="en"')
      }
    }
    for (const day of [1, 3, 7] as const) {
      const email = aftercareEmail(emailContext(tier, 60, 'it'), day)
      const stage = stageOnDay(tier, day, 'it')
      expect(email.text).toContain(stage.text)
      for (const line of stage.do) expect(email.text).toContain(line)
      for (const other of content.stages.filter((s) => s !== stage))
        expect(email.text).not.toContain(other.text)
      expect(email.text).not.toContain(stageOnDay(tier, day).text)
      expect(email.html).not.toContain('lang="en"')
    }
  })
})

describe('the tiers differ where they should', () => {
  test('the cosmetic consent and timeline promise no crusts or bleeding; the medical ones do', () => {
    const cosmetic = publishedConsent('cosmetic').text
    expect(cosmetic).toMatch(/Crusts are not expected/)
    expect(cosmetic).not.toMatch(/small crusts may form|spots of blood are normal/)
    const medical = publishedConsent('medical').text
    expect(medical).toMatch(/small crusts may form/)
  })
})

describe('the services of the demo clinic match their tier', () => {
  test('course sessions and spacing fit the tier course plan; the cosmetic downtime its course', () => {
    for (const service of DEMO_SERVICES.filter((s) => s.kind === 'treatment')) {
      const { course } = tierContent(service.tier)
      expect(service.courseSessions, service.slug).toBeGreaterThanOrEqual(course.sessions.min)
      expect(service.courseSessions, service.slug).toBeLessThanOrEqual(course.sessions.max)
      expect(service.courseIntervalWeeks, service.slug).toBe(course.intervalWeeks)
      if (service.tier === 'cosmetic') {
        expect(service.downtime).toMatch(/2 to 3 days/)
      }
    }
  })
})
