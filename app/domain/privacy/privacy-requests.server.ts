import { and, desc, eq, isNull, ne } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { loadOwnedBooking } from '#app/domain/booking/owned-booking.server.ts'
import { privacyRequestEmail } from '#app/domain/email/staff-emails.rules.ts'
import { enqueueEmail } from '#app/domain/email/outbox.server.ts'
import { type PatientBookingQuery } from '#app/domain/patient/patient-booking-query.ts'
import { mergedInto } from '#app/domain/patients/patient-merge.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { getDb, type Tx } from '#db/client.server.ts'
import { clinicSettings, patients, privacyRequests, users } from '#db/schema/index.ts'
import { type ErasurePlan } from './erasure.rules.ts'
import { type ErasurePreview, performErasure, previewErasure } from './erasure.server.ts'
import { type PrivacyRequestKind, type PrivacyRequestStatus } from './privacy.constants.ts'
import {
  isOverdue,
  newRequestRefusal,
  type NewRequestRefusal,
  queueOrder,
  requestDueAt,
} from './privacy-requests.rules.ts'

/**
 * Patients' privacy requests (issue 19, item 4; docs/decisions/051-patient-privacy-requests.md).
 * A patient asks from one of their booking pages (after proving their email, like the booking
 * page itself); an admin works the queue and decides once, with a reason the patient reads.
 * Every step is audited with ids only: never the patient's words.
 */

/** What the outcome column holds (JSON): counts, and for an erasure what was kept until when. */
export type RequestOutcome = {
  counts?: Record<string, number>
  /** ISO instant: the clinical record is kept until then (partly granted erasure). */
  keepUntil?: string
  /** Why an erasure could not be done at all. */
  refusal?: 'legal-hold' | 'already-erased'
}

function parseOutcome(text: string | null): RequestOutcome {
  if (!text) return {}
  try {
    return JSON.parse(text) as RequestOutcome
  } catch {
    return {}
  }
}

export type PatientRequestView = {
  id: string
  kind: PrivacyRequestKind
  status: PrivacyRequestStatus
  createdAt: Date
  dueAt: Date
  decidedAt: Date | null
  decisionReason: string | null
  keepUntil: Date | null
  refusal: RequestOutcome['refusal'] | null
}

function patientView(row: typeof privacyRequests.$inferSelect): PatientRequestView {
  const outcome = parseOutcome(row.outcome)
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    createdAt: row.createdAt,
    dueAt: row.dueAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    keepUntil: outcome.keepUntil ? new Date(outcome.keepUntil) : null,
    refusal: outcome.refusal ?? null,
  }
}

/** The patient's record behind a booking: the survivor when the booking's record was merged. */
function ownerOf(tx: Tx, query: PatientBookingQuery) {
  const owned = loadOwnedBooking(tx, query.session, query.reference)
  if (!owned) return null
  return {
    booking: owned.booking,
    patientId: mergedInto(owned.patient.id, tx) ?? owned.patient.id,
  }
}

function requestsOf(tx: Tx, patientId: string) {
  return tx
    .select()
    .from(privacyRequests)
    .where(eq(privacyRequests.patientId, patientId))
    .orderBy(desc(privacyRequests.createdAt))
    .all()
}

/** The patient's page: their requests, newest first. Null: not their booking (a 404). */
export function getPatientPrivacyRequests(query: PatientBookingQuery) {
  return getDb().transaction((tx) => {
    const owner = ownerOf(tx, query)
    if (!owner) return null
    return {
      reference: owner.booking.reference,
      requests: requestsOf(tx, owner.patientId).map(patientView),
    }
  })
}

export type MakeRequestResult =
  | { ok: true; requestId: string; dueAt: Date }
  | { ok: false; reason: 'not-found' | NewRequestRefusal }

/**
 * A new request, due in one calendar month. Refused (audited, nothing written) when one of the
 * same kind is open, or for an erasure once one was granted or partly granted. The clinic is
 * emailed that a request is waiting: no kind of data, no words of the patient.
 */
export function makePrivacyRequest(
  query: PatientBookingQuery & { kind: PrivacyRequestKind; details: string },
): MakeRequestResult {
  return getDb().transaction(
    (tx) => {
      const owner = ownerOf(tx, query)
      if (!owner) return { ok: false, reason: 'not-found' } as const
      const actor: AuditActor = {
        type: 'patient',
        id: owner.patientId,
        ipAddress: query.actor.ipAddress,
        requestId: query.actor.requestId,
      }
      const refusal = newRequestRefusal(query.kind, requestsOf(tx, owner.patientId))
      if (refusal) {
        recordAuditEvent(tx, {
          action: 'privacy_request.refused',
          actor,
          subjectType: 'patient',
          subjectId: owner.patientId,
          patientId: owner.patientId,
          details: { kind: query.kind, refusal, bookingId: owner.booking.id },
          at: query.now,
        })
        return { ok: false, reason: refusal } as const
      }
      const dueAt = requestDueAt(query.now)
      const { id } = tx
        .insert(privacyRequests)
        .values({
          patientId: owner.patientId,
          bookingId: owner.booking.id,
          kind: query.kind,
          details: query.details,
          dueAt,
          createdAt: query.now,
        })
        .returning({ id: privacyRequests.id })
        .get()
      recordAuditEvent(tx, {
        action: 'privacy_request.made',
        actor,
        subjectType: 'privacy_request',
        subjectId: id,
        patientId: owner.patientId,
        details: { kind: query.kind, bookingId: owner.booking.id },
        at: query.now,
      })
      notifyClinic(tx, id, dueAt, query.now)
      return { ok: true, requestId: id, dueAt } as const
    },
    { behavior: 'immediate' },
  )
}

/** "A privacy request is waiting": to the clinic's address, in its reader's language. */
function notifyClinic(tx: Tx, requestId: string, dueAt: Date, now: Date) {
  const clinic = tx
    .select({
      name: clinicSettings.name,
      email: clinicSettings.email,
      defaultLocale: clinicSettings.defaultLocale,
      timeZone: clinicSettings.timeZone,
    })
    .from(clinicSettings)
    .get()
  if (!clinic) return
  const reader = tx
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.email, clinic.email.toLowerCase()))
    .get()
  const { subject, text } = privacyRequestEmail(
    {
      dueAt,
      timeZone: clinic.timeZone,
      link: `${getEnv().APP_ORIGIN}/admin/privacy-requests/${requestId}`,
      clinicName: clinic.name,
    },
    reader?.locale ?? clinic.defaultLocale,
  )
  enqueueEmail(
    tx,
    { dedupeKey: `privacy-request:${requestId}`, to: clinic.email, subject, text },
    now,
  )
}

export const QUEUE_FILTERS = ['open', 'decided'] as const
export type QueueFilter = (typeof QUEUE_FILTERS)[number]

/** The admin's queue: open requests first, soonest due first, then decided ones. */
export function listPrivacyRequests(input: { filter: QueueFilter | null; now: Date }) {
  const rows = getDb()
    .select({
      id: privacyRequests.id,
      kind: privacyRequests.kind,
      status: privacyRequests.status,
      createdAt: privacyRequests.createdAt,
      dueAt: privacyRequests.dueAt,
      decidedAt: privacyRequests.decidedAt,
      patientId: privacyRequests.patientId,
      patientName: patients.fullName,
      erasedAt: patients.erasedAt,
    })
    .from(privacyRequests)
    .innerJoin(patients, eq(patients.id, privacyRequests.patientId))
    .where(
      input.filter === 'open'
        ? eq(privacyRequests.status, 'open')
        : input.filter === 'decided'
          ? ne(privacyRequests.status, 'open')
          : undefined,
    )
    .all()
  return queueOrder(rows).map((row) => ({ ...row, overdue: isOverdue(row, input.now) }))
}

export type AdminRequestView = {
  request: Omit<typeof privacyRequests.$inferSelect, 'outcome'> & {
    overdue: boolean
    outcome: RequestOutcome
  }
  patient: {
    id: string
    fullName: string
    email: string
    erasedAt: Date | null
    restrictedAt: Date | null
    legalHoldReason: string | null
  }
  /** For an erasure: what it would remove and keep now (the same function performs it). */
  erasure: ErasurePreview | null
}

/** One request for an admin, with the patient and the erasure preview. Audited (viewed). */
export function getPrivacyRequestForAdmin(input: {
  requestId: string
  actor: AuditActor
  now: Date
}): AdminRequestView | null {
  return getDb().transaction((tx) => {
    const row = tx
      .select({ request: privacyRequests, patient: patients })
      .from(privacyRequests)
      .innerJoin(patients, eq(patients.id, privacyRequests.patientId))
      .where(eq(privacyRequests.id, input.requestId))
      .get()
    if (!row) return null
    recordAuditEvent(tx, {
      action: 'privacy_request.viewed',
      actor: input.actor,
      subjectType: 'privacy_request',
      subjectId: row.request.id,
      patientId: row.patient.id,
      at: input.now,
    })
    return {
      request: {
        ...row.request,
        overdue: isOverdue(row.request, input.now),
        outcome: parseOutcome(row.request.outcome),
      },
      patient: {
        id: row.patient.id,
        fullName: row.patient.fullName,
        email: row.patient.email,
        erasedAt: row.patient.erasedAt,
        restrictedAt: row.patient.restrictedAt,
        legalHoldReason: row.patient.legalHoldReason,
      },
      erasure:
        row.request.kind === 'erasure' ? previewErasure(row.patient.id, input.now, tx) : null,
    }
  })
}

export type DecideResult =
  | { ok: true; status: Exclude<PrivacyRequestStatus, 'open'>; plan: ErasurePlan | null }
  | { ok: false; reason: 'not-found' | 'already-decided' }

/**
 * An admin decides a request, once, with a reason the patient reads, in one transaction:
 * - refuse: nothing else changes;
 * - grant a restriction: the record is restricted (only admins open it);
 * - grant a correction: the admin made the change in the patient's chart; the reason says what
 *   changed (clinical records are never edited: a correction of one is a note appended to it);
 * - grant an erasure: what the erasure plan allows is done; the status says how much (granted,
 *   partly granted with the clinical record kept, or refused under a legal hold).
 */
export function decidePrivacyRequest(input: {
  requestId: string
  decision: 'grant' | 'refuse'
  reason: string
  actor: AuditActor & { id: string }
  now: Date
}): DecideResult {
  return getDb().transaction(
    (tx) => {
      const request = tx
        .select()
        .from(privacyRequests)
        .where(eq(privacyRequests.id, input.requestId))
        .get()
      if (!request) return { ok: false, reason: 'not-found' } as const
      if (request.status !== 'open') return { ok: false, reason: 'already-decided' } as const
      let status: Exclude<PrivacyRequestStatus, 'open'> = 'refused'
      let outcome: RequestOutcome = {}
      let plan: ErasurePlan | null = null
      if (input.decision === 'grant') {
        if (request.kind === 'erasure') {
          const result = performErasure(tx, request.patientId, input.now)!
          plan = result.plan
          status = plan.outcome
          outcome =
            plan.outcome === 'refused'
              ? { refusal: plan.reason }
              : plan.outcome === 'partly_granted'
                ? { counts: result.counts, keepUntil: plan.keepUntil.toISOString() }
                : { counts: result.counts }
        } else if (request.kind === 'restriction') {
          status = 'granted'
          const restricted = tx
            .update(patients)
            .set({ restrictedAt: input.now, updatedAt: input.now })
            .where(and(eq(patients.id, request.patientId), isNull(patients.restrictedAt)))
            .run().changes
          outcome = { counts: { restricted } }
          recordAuditEvent(tx, {
            action: 'patient.restricted',
            actor: input.actor,
            subjectType: 'patient',
            subjectId: request.patientId,
            patientId: request.patientId,
            details: { requestId: request.id },
            at: input.now,
          })
        } else status = 'granted'
      }
      tx.update(privacyRequests)
        .set({
          status,
          decidedAt: input.now,
          decidedByUserId: input.actor.id,
          decisionReason: input.reason,
          outcome: JSON.stringify(outcome),
        })
        .where(eq(privacyRequests.id, request.id))
        .run()
      recordAuditEvent(tx, {
        action: 'privacy_request.decided',
        actor: input.actor,
        subjectType: 'privacy_request',
        subjectId: request.id,
        patientId: request.patientId,
        details: {
          kind: request.kind,
          decision: input.decision,
          status,
          ...(outcome.counts ?? {}),
          ...(outcome.refusal ? { refusal: outcome.refusal } : {}),
        },
        at: input.now,
      })
      return { ok: true, status, plan } as const
    },
    { behavior: 'immediate' },
  )
}
