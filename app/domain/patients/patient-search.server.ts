import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { mayOpenPatient } from '#app/domain/privacy/restriction.server.ts'
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type BookingStatus } from '#app/domain/booking/index.server.ts'
import { auditActorOf, type StaffActor } from '#app/domain/clinic/stranding.server.ts'
import { getClinicPhoneCountry } from '#app/domain/clinic/clinic.server.ts'
import { type Db, getDb } from '#db/client.server.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { bookings, patients, services, serviceTexts } from '#db/schema/index.ts'
import {
  compactForSearch,
  MAX_RESULTS,
  nameMatches,
  parsePatientQuery,
  type PatientQuery,
} from './patient-search.rules.ts'
import { mergeLinks } from './patient-merge.server.ts'
import { recordsOf, survivorOf } from './patient-merge.rules.ts'

/**
 * Finding a patient from the front desk (issue 17): one box, read by parsePatientQuery. Returns
 * contact details and booking facts only, never health data, so every staff role may search.
 * Each search is audited by what was searched for (its kind) and how many came back, never by
 * the words typed: a name in the audit chain would outlive an erasure (GDPR).
 */

export type PatientSearchResult = {
  id: string
  fullName: string
  email: string
  phone: string
  dateOfBirth: string
  /** The next booking still ahead, if any. */
  next: {
    bookingId: string
    reference: string
    startAt: Date
    status: BookingStatus
    serviceName: string
  } | null
  bookingCount: number
  /** How many other records of this person were merged into this one (their bookings count). */
  mergedRecords: number
}

export type PatientSearchOutcome = {
  kind: PatientQuery['kind']
  results: PatientSearchResult[]
  /** More matched than are shown. */
  truncated: boolean
}

const FOLD_FUNCTION = 'dd_fold_for_search'
const DIGITS_FUNCTION = 'dd_digits'
const withSearchFunctions = new WeakSet<object>()

/** SQLite's lower() knows ASCII only, so the folding is registered once per connection. */
function registerSearchFunctions(db: Db): void {
  if (withSearchFunctions.has(db.$client)) return
  db.$client.function(FOLD_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? compactForSearch(text) : null,
  )
  db.$client.function(DIGITS_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.replace(/\D/g, '') : null,
  )
  withSearchFunctions.add(db.$client)
}

function conditionFor(query: PatientQuery): SQL {
  switch (query.kind) {
    case 'reference':
      return sql`${patients.id} IN (SELECT ${bookings.patientId} FROM ${bookings} WHERE ${bookings.reference} = ${query.reference})`
    case 'email':
      return sql`instr(${patients.email}, ${query.email}) > 0`
    case 'date_of_birth':
      return eq(patients.dateOfBirth, query.date)
    case 'phone':
      return query.e164
        ? sql`(${patients.phone} = ${query.e164} OR instr(${sql.raw(DIGITS_FUNCTION)}(${patients.phone}), ${query.digits}) > 0)`
        : sql`instr(${sql.raw(DIGITS_FUNCTION)}(${patients.phone}), ${query.digits}) > 0`
    case 'name':
      // A coarse filter in SQL (every word somewhere in the name); nameMatches then keeps only
      // names where each word starts a word, so "ross" finds Rossi, not Barossa.
      return and(
        ...query.words.map(
          (word) => sql`instr(${sql.raw(FOLD_FUNCTION)}(${patients.fullName}), ${word}) > 0`,
        ),
      )!
  }
}

const UPCOMING: BookingStatus[] = ['pending_review', 'confirmed']

export function searchPatients(input: {
  query: string
  actor: StaffActor
  now: Date
  /** The language service names are shown in. */
  locale: Locale
  /** A record restricted at the patient's request is found by admins only (ADR 051). */
  viewerRoles: readonly StaffRole[]
}): PatientSearchOutcome {
  const db = getDb()
  registerSearchFunctions(db)
  const query = parsePatientQuery(input.query, getClinicPhoneCountry())
  const candidates = db
    .select({
      id: patients.id,
      fullName: patients.fullName,
      email: patients.email,
      phone: patients.phone,
      dateOfBirth: patients.dateOfBirth,
    })
    .from(patients)
    .where(conditionFor(query))
    .orderBy(asc(patients.fullName), asc(patients.dateOfBirth))
    .limit(query.kind === 'name' ? MAX_RESULTS * 8 : MAX_RESULTS + 1)
    .all()
    .filter((row) => query.kind !== 'name' || nameMatches(row.fullName, query.words))
  // A merged record is found as the record it was merged into (docs/decisions/041): its old
  // email or phone still finds the person, and the person is listed once.
  const links = mergeLinks(db)
  const mayOpen = (id: string) => mayOpenPatient(input.viewerRoles, id)
  const found = [...new Set(candidates.map((row) => survivorOf(row.id, links)))].filter(mayOpen)
  const missing = found.filter((id) => !candidates.some((row) => row.id === id))
  const survivors = missing.length
    ? db
        .select({
          id: patients.id,
          fullName: patients.fullName,
          email: patients.email,
          phone: patients.phone,
          dateOfBirth: patients.dateOfBirth,
        })
        .from(patients)
        .where(inArray(patients.id, missing))
        .all()
    : []
  const rowOf = new Map([...candidates, ...survivors].map((row) => [row.id, row]))
  const shown = found.slice(0, MAX_RESULTS).map((id) => rowOf.get(id)!)
  const recordsById = new Map(shown.map((row) => [row.id, recordsOf(row.id, links)]))

  const ids = [...recordsById.values()].flat()
  const bookingRows = ids.length
    ? db
        .select({
          patientId: bookings.patientId,
          bookingId: bookings.id,
          reference: bookings.reference,
          startAt: bookings.startAt,
          status: bookings.status,
          serviceName: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
        })
        .from(bookings)
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .leftJoin(
          serviceTexts,
          and(eq(serviceTexts.serviceId, services.id), eq(serviceTexts.locale, input.locale)),
        )
        .where(inArray(bookings.patientId, ids))
        .orderBy(asc(bookings.startAt))
        .all()
    : []

  const results = shown.map((row): PatientSearchResult => {
    const records = recordsById.get(row.id)!
    const own = bookingRows.filter((b) => b.patientId !== null && records.includes(b.patientId))
    const next = own.find(
      (b) => UPCOMING.includes(b.status) && b.startAt.getTime() > input.now.getTime(),
    )
    return {
      ...row,
      next: next
        ? {
            bookingId: next.bookingId,
            reference: next.reference,
            startAt: next.startAt,
            status: next.status,
            serviceName: next.serviceName,
          }
        : null,
      bookingCount: own.length,
      mergedRecords: records.length - 1,
    }
  })

  recordAuditEvent(db, {
    action: 'patient.searched',
    actor: auditActorOf(input.actor),
    details: { kind: query.kind, results: results.length },
    at: input.now,
  })
  return { kind: query.kind, results, truncated: found.length > MAX_RESULTS }
}
