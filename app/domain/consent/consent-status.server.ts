import { and, desc, eq, sql } from 'drizzle-orm'
import { getDb, type Db, type Tx } from '#db/client.server.ts'
import { inJsonList, preparedStatement } from '#db/prepared.server.ts'
import {
  bookings,
  consentCountersignatures,
  consentRecords,
  consentWithdrawals,
  services,
} from '#db/schema/index.ts'
import { type ServiceTier } from '#app/domain/clinic/clinic.schema.ts'
import { getRequiredVersionId } from './consent-documents.server.ts'
import {
  type ConsentRecordFacts,
  consentStatusFor,
  type ConsentStatusResult,
  type SessionFacts,
} from './consent.rules.ts'

/**
 * Which consent covers which session. A consent covers the patient's sessions of the same tier
 * that need the same form version, for 12 months from signing; the newest covering record
 * decides whether it was withdrawn or countersigned (consent.rules.ts). The clinician workspace
 * (agenda, appointment detail, check-in) calls `getConsentStatus` and
 * `hasValidConsentForTreatment`.
 */

const FACT_COLUMNS = {
  id: consentRecords.id,
  patientId: consentRecords.patientId,
  tier: consentRecords.tier,
  versionId: consentRecords.documentVersionId,
  signedAt: consentRecords.signedAt,
  withdrawnAt: consentWithdrawals.withdrawnAt,
  withdrawalId: consentWithdrawals.id,
  countersignatureId: consentCountersignatures.id,
}

type FactRow = {
  id: string
  tier: string
  versionId: string
  signedAt: Date
  withdrawnAt: Date | null
  withdrawalId: string | null
  countersignatureId: string | null
}

function toFacts(row: FactRow): ConsentRecordFacts {
  return {
    id: row.id,
    tier: row.tier,
    versionId: row.versionId,
    signedAt: row.signedAt.getTime(),
    withdrawnAt: row.withdrawnAt?.getTime() ?? null,
    withdrawalId: row.withdrawalId ?? null,
    countersignatureId: row.countersignatureId ?? null,
  }
}

// The agenda's consent badges, on every view: prepared once per connection (ADR 025), the patient
// ids bound as one JSON array (inJsonList).
const consentFactsOfPatientsQuery = preparedStatement((db) =>
  db
    .select(FACT_COLUMNS)
    .from(consentRecords)
    .leftJoin(consentWithdrawals, eq(consentWithdrawals.consentRecordId, consentRecords.id))
    .leftJoin(
      consentCountersignatures,
      eq(consentCountersignatures.consentRecordId, consentRecords.id),
    )
    .where(inJsonList(consentRecords.patientId, 'patientIds'))
    .orderBy(desc(consentRecords.signedAt))
    .prepare(),
)

/**
 * Consent facts of many patients in one query (the agenda), keyed by patient id; each list holds
 * every tier, newest first (consentStatusFor picks the tier itself).
 */
export function loadConsentFactsOfPatients(
  db: Tx | Db,
  patientIds: readonly string[],
): Map<string, ConsentRecordFacts[]> {
  const byPatient = new Map<string, ConsentRecordFacts[]>()
  if (patientIds.length === 0) return byPatient
  const rows = consentFactsOfPatientsQuery(db).all({ patientIds: JSON.stringify(patientIds) })
  for (const row of rows) {
    const list = byPatient.get(row.patientId) ?? []
    list.push(toFacts(row))
    byPatient.set(row.patientId, list)
  }
  return byPatient
}

// Read for the booking page's consent status on every view: prepared once per connection
// (docs/decisions/025-request-cost.md).
const consentFactsQuery = preparedStatement((db) =>
  db
    .select({
      id: consentRecords.id,
      tier: consentRecords.tier,
      versionId: consentRecords.documentVersionId,
      signedAt: consentRecords.signedAt,
      withdrawnAt: consentWithdrawals.withdrawnAt,
      withdrawalId: consentWithdrawals.id,
      countersignatureId: consentCountersignatures.id,
    })
    .from(consentRecords)
    .leftJoin(consentWithdrawals, eq(consentWithdrawals.consentRecordId, consentRecords.id))
    .leftJoin(
      consentCountersignatures,
      eq(consentCountersignatures.consentRecordId, consentRecords.id),
    )
    .where(
      and(
        eq(consentRecords.patientId, sql.placeholder('patientId')),
        eq(consentRecords.tier, sql.placeholder('tier')),
      ),
    )
    .orderBy(desc(consentRecords.signedAt))
    .prepare(),
)

/** The patient's consent records of a tier with their withdrawal and countersignature, if any. */
export function loadConsentFacts(
  db: Tx | Db,
  patientId: string,
  tier: ServiceTier,
): ConsentRecordFacts[] {
  return consentFactsQuery(db)
    .all({ patientId, tier })
    .map((row) => ({
      id: row.id,
      tier: row.tier,
      versionId: row.versionId,
      signedAt: row.signedAt.getTime(),
      withdrawnAt: row.withdrawnAt?.getTime() ?? null,
      withdrawalId: row.withdrawalId ?? null,
      countersignatureId: row.countersignatureId ?? null,
    }))
}

/** The facts of a session the rules need: its tier, whether it needs consent, which version. */
export function sessionFacts(
  db: Tx | Db,
  session: { tier: ServiceTier; kind: string; startAt: number },
): SessionFacts {
  const needsConsent = session.kind === 'treatment'
  return {
    tier: session.tier,
    needsConsent,
    startAt: session.startAt,
    requiredVersionId: needsConsent
      ? getRequiredVersionId(db, session.tier, session.startAt)
      : null,
  }
}

/** The status of a session for a patient who may have no booking yet (the booking wizard). */
export function consentStatusForSession(
  db: Tx | Db,
  input: { patientId: string | null; tier: ServiceTier; kind: string; startAt: number },
): ConsentStatusResult {
  const facts = sessionFacts(db, input)
  const records = input.patientId ? loadConsentFacts(db, input.patientId, input.tier) : []
  return consentStatusFor(records, facts)
}

/** Does a signed, unwithdrawn consent cover this patient's treatment session (the booking wizard)? */
export function consentCoversSession(
  db: Tx | Db,
  input: { patientId: string; tier: ServiceTier; startAt: number },
): boolean {
  const { status } = consentStatusForSession(db, { ...input, kind: 'treatment' })
  return status === 'signed' || status === 'countersigned'
}

export type BookingConsentStatus = ConsentStatusResult & {
  bookingId: string
  requiredVersionId: string | null
}

/** The consent status of a booking, in a transaction or on the shared connection. */
export function consentStatusOfBooking(
  db: Tx | Db,
  bookingId: string,
): BookingConsentStatus | null {
  const row = db
    .select({
      patientId: bookings.patientId,
      startAt: bookings.startAt,
      tier: services.tier,
      kind: services.kind,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookings.id, bookingId))
    .get()
  if (!row) return null
  const facts = sessionFacts(db, {
    tier: row.tier,
    kind: row.kind,
    startAt: row.startAt.getTime(),
  })
  const records = row.patientId ? loadConsentFacts(db, row.patientId, row.tier) : []
  return {
    ...consentStatusFor(records, facts),
    bookingId,
    requiredVersionId: facts.requiredVersionId,
  }
}

/**
 * 'missing' | 'signed' | 'countersigned' | 'withdrawn' (or 'not_required' for a consultation),
 * with the ids of the consent record, countersignature and withdrawal it is about. Null when
 * there is no such booking.
 */
export function getConsentStatus(bookingId: string): BookingConsentStatus | null {
  return consentStatusOfBooking(getDb(), bookingId)
}

/**
 * May this booking's treatment go ahead, as far as consent goes? Only when a consent that covers
 * it is signed and countersigned and was not withdrawn. A consultation needs none.
 */
export function hasValidConsentForTreatment(bookingId: string): boolean {
  const status = getConsentStatus(bookingId)?.status
  return status === 'countersigned' || status === 'not_required'
}
