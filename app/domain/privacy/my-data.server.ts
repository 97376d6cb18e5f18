import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { type AuditActor } from '#app/domain/audit/audit.schema.ts'
import { loadOwnedBooking } from '#app/domain/booking/owned-booking.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { clinicIdentity } from '#app/domain/consent/consent-patient.server.ts'
import { loadConsentRecordView } from '#app/domain/consent/consent-records.server.ts'
import {
  checkLimits,
  countTowardLimits,
  recordLimitRefusal,
} from '#app/domain/limits/limits.server.ts'
import { LIMITS } from '#app/domain/limits/limits.rules.ts'
import { type PatientBookingQuery } from '#app/domain/patient/patient-booking-query.ts'
import { codeProvenEmail } from '#app/domain/patient/patient-sessions.server.ts'
import { mergedInto, patientRecordIds } from '#app/domain/patients/patient-merge.server.ts'
import { describeAnswers } from '#app/domain/screening/answer-summary.ts'
import { patientExplanationsOf } from '#app/domain/screening/screening.rules.ts'
import { readSubmission } from '#app/domain/screening/screening.server.ts'
import { treatmentProductsOf } from '#app/domain/treatment/skin-products.rules.ts'
import { type TreatmentRecordInput } from '#app/domain/treatment/treatment.schema.ts'
import { yourTreatment } from '#app/domain/treatment/your-treatment.ts'
import { parseTimesOfDay } from '#app/domain/waitlist/waitlist.rules.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { visitMessages } from '#app/i18n/messages/index.ts'
import { formatDepthMm } from '#app/utils/format.ts'
import { getDb, type Db, type Tx } from '#db/client.server.ts'
import {
  bookingEvents,
  bookings,
  checkIns,
  clinicalPhotos,
  consentRecords,
  consentWithdrawals,
  emailOutbox,
  patients,
  practitioners,
  privacyRequests,
  screeningReviewEvents,
  screeningSubmissions,
  services,
  serviceTexts,
  treatmentRecords,
  users,
  waitlistEntries,
} from '#db/schema/index.ts'
import { renderMyDataPdf } from './my-data-pdf.server.ts'
import { emailKindOf, iso, isoOrNull, myDataFilename, withoutLinkSecrets } from './my-data.rules.ts'
import {
  MY_DATA_FORMAT_VERSION,
  type MyDataExport,
  MyDataExportSchema,
  type MyDataFormat,
} from './my-data.schema.ts'

/**
 * "My data" (issue 19, item 2): everything the clinic holds about one patient, as JSON
 * (MyDataExportSchema, docs/my-data-format.md) and as a readable PDF. The patient reaches it from
 * a booking page after proving their email WITH A CODE: a session opened by an emailed manage
 * link proves one booking only, too little for the whole record, so it is asked for a code first.
 * The record is the booking's patient and every record merged into it (ADR 041); another patient
 * who shares the address (a parent booking for a child) is never included. Opening the page is
 * audited as `privacy.my_data.requested`, each download as `privacy.my_data.downloaded` (actor:
 * the patient, so neither appears in the staff-only "who looked at my record" list).
 */

type Access =
  | { ok: true; patientId: string; bookingId: string; reference: string; actor: AuditActor }
  | { ok: false; reason: 'not-found' | 'needs-code' }

/** The booking in the URL as its patient reaches it, and the record it belongs to. */
function ownedRecord(db: Db | Tx, query: PatientBookingQuery): Access {
  const owned = loadOwnedBooking(db, query.session, query.reference)
  if (!owned) return { ok: false, reason: 'not-found' }
  if (!codeProvenEmail(query.session)) return { ok: false, reason: 'needs-code' }
  return {
    ok: true,
    patientId: mergedInto(owned.patient.id, db) ?? owned.patient.id,
    bookingId: owned.booking.id,
    reference: owned.booking.reference,
    actor: {
      type: 'patient',
      id: owned.patient.id,
      ipAddress: query.actor.ipAddress,
      requestId: query.actor.requestId,
    },
  }
}

export type MyDataPage =
  { reference: string; needsCode: true } | { reference: string; needsCode: false }

/**
 * The "my data" page: null when the booking is not this session's (a 404). A session proven by a
 * manage link only is told to confirm the address with a code (nothing is read or audited).
 */
export function getMyDataPage(query: PatientBookingQuery): MyDataPage | null {
  return getDb().transaction(
    (tx) => {
      const access = ownedRecord(tx, query)
      if (!access.ok)
        return access.reason === 'needs-code'
          ? { reference: query.reference, needsCode: true as const }
          : null
      recordAuditEvent(tx, {
        action: 'privacy.my_data.requested',
        actor: access.actor,
        subjectType: 'patient',
        subjectId: access.patientId,
        patientId: access.patientId,
        details: { bookingId: access.bookingId },
        at: query.now,
      })
      return { reference: access.reference, needsCode: false as const }
    },
    { behavior: 'immediate' },
  )
}

export type MyDataDownload =
  | { ok: true; body: string | Uint8Array; filename: string; contentType: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }

/**
 * One download of the patient's data, in the page's language. A few per hour per record
 * (LIMITS.myDataDownloadsPerPatientHour): the export reads the whole record and, as a PDF,
 * every photo. A manage-link-only session gets the same "not found" as a stranger.
 */
export async function downloadMyData(
  query: PatientBookingQuery & { format: MyDataFormat; locale: Locale },
): Promise<MyDataDownload> {
  const gathered = getDb().transaction(
    (tx): MyDataDownload | { ok: true; data: MyDataExport; reference: string } => {
      const access = ownedRecord(tx, query)
      if (!access.ok) return { ok: false, reason: 'not-found' }
      const checks = [{ limit: LIMITS.myDataDownloadsPerPatientHour, subject: access.patientId }]
      const verdict = checkLimits(tx, checks, query.now)
      if (!verdict.allowed) {
        recordLimitRefusal(tx, {
          verdict,
          action: 'privacy.my_data.downloaded',
          actor: access.actor,
          now: query.now,
        })
        return { ok: false, reason: 'rate-limited', retryAfterSeconds: verdict.retryAfterSeconds }
      }
      countTowardLimits(tx, checks, query.now)
      const data = gatherMyData(tx, {
        patientId: access.patientId,
        locale: query.locale,
        now: query.now,
      })
      recordAuditEvent(tx, {
        action: 'privacy.my_data.downloaded',
        actor: access.actor,
        subjectType: 'patient',
        subjectId: access.patientId,
        patientId: access.patientId,
        details: { bookingId: access.bookingId, format: query.format },
        at: query.now,
      })
      return { ok: true, data, reference: access.reference }
    },
    { behavior: 'immediate' },
  )
  if (!gathered.ok || !('data' in gathered)) return gathered
  const filename = myDataFilename(gathered.reference, query.format)
  if (query.format === 'json')
    return {
      ok: true,
      body: `${JSON.stringify(gathered.data, null, 2)}\n`,
      filename,
      contentType: 'application/json; charset=utf-8',
    }
  return {
    ok: true,
    body: await renderMyDataPdf(gathered.data, { timeZone: getClinicSettings().timeZone }),
    filename,
    contentType: 'application/pdf',
  }
}

/**
 * Everything held about one patient record and the records merged into it, in `locale`, checked
 * against MyDataExportSchema. Reads only; the caller audits. Clinical words are built by the
 * modules that own them (describeAnswers, patientExplanationsOf, loadConsentRecordView,
 * yourTreatment), never re-parsed here.
 */
export function gatherMyData(
  db: Db | Tx,
  input: { patientId: string; locale: Locale; now: Date },
): MyDataExport {
  const { locale } = input
  const ids = patientRecordIds(input.patientId, db)
  const people = db.select().from(patients).where(inArray(patients.id, ids)).all()
  const person = (row: (typeof people)[number]) => ({
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    dateOfBirth: row.dateOfBirth,
    createdAt: iso(row.createdAt),
    mergedIntoPatientId: row.mergedIntoPatientId,
    restrictedAt: isoOrNull(row.restrictedAt),
    erasedAt: isoOrNull(row.erasedAt),
  })
  const main = people.find((row) => row.id === input.patientId)
  if (!main) throw new Error(`No patient ${input.patientId}`)
  const addresses = [...new Set(people.map((row) => row.email).filter(Boolean))]

  const bookingRows = db
    .select({
      booking: bookings,
      service: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
      kind: services.kind,
      practitioner: practitioners.displayName,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
    .leftJoin(
      serviceTexts,
      and(eq(serviceTexts.serviceId, services.id), eq(serviceTexts.locale, locale)),
    )
    .where(inArray(bookings.patientId, ids))
    .orderBy(asc(bookings.startAt))
    .all()
  const bookingIds = bookingRows.map((row) => row.booking.id)
  const referenceOf = new Map(bookingRows.map((row) => [row.booking.id, row.booking.reference]))
  const refOf = (bookingId: string) => referenceOf.get(bookingId) ?? ''
  const events = bookingIds.length
    ? db
        .select()
        .from(bookingEvents)
        .where(inArray(bookingEvents.bookingId, bookingIds))
        .orderBy(asc(bookingEvents.occurredAt))
        .all()
    : []

  const arrivals = bookingIds.length
    ? db
        .select({ checkIn: checkIns, clinician: users.name })
        .from(checkIns)
        .innerJoin(users, eq(users.id, checkIns.clinicianUserId))
        .where(inArray(checkIns.bookingId, bookingIds))
        .orderBy(asc(checkIns.checkedInAt))
        .all()
    : []

  const submissions = db
    .select()
    .from(screeningSubmissions)
    .where(inArray(screeningSubmissions.patientId, ids))
    .orderBy(asc(screeningSubmissions.submittedAt))
    .all()
  const reviewEvents = bookingIds.length
    ? db
        .select()
        .from(screeningReviewEvents)
        .where(inArray(screeningReviewEvents.bookingId, bookingIds))
        .orderBy(asc(screeningReviewEvents.occurredAt))
        .all()
    : []

  const consentIds = db
    .select({ id: consentRecords.id })
    .from(consentRecords)
    .where(inArray(consentRecords.patientId, ids))
    .orderBy(asc(consentRecords.signedAt))
    .all()
  const withdrawalReasons = new Map(
    db
      .select({ id: consentWithdrawals.consentRecordId, reason: consentWithdrawals.reason })
      .from(consentWithdrawals)
      .where(inArray(consentWithdrawals.patientId, ids))
      .all()
      .map((row) => [row.id, row.reason]),
  )

  const treatments = bookingIds.length
    ? db
        .select({ record: treatmentRecords, recordedBy: users.name })
        .from(treatmentRecords)
        .innerJoin(users, eq(users.id, treatmentRecords.recordedByUserId))
        .where(inArray(treatmentRecords.bookingId, bookingIds))
        .orderBy(asc(treatmentRecords.recordedAt), asc(treatmentRecords.createdAt))
        .all()
    : []
  const visit = translator(visitMessages, locale)

  const photos = db
    .select({
      photo: clinicalPhotos,
      withdrawn: sql<number>`EXISTS (SELECT 1 FROM ${consentWithdrawals} WHERE ${consentWithdrawals.consentRecordId} = ${clinicalPhotos.consentRecordId})`,
    })
    .from(clinicalPhotos)
    .where(inArray(clinicalPhotos.patientId, ids))
    .orderBy(asc(clinicalPhotos.takenAt))
    .all()

  const waitlist = addresses.length
    ? db
        .select({
          entry: waitlistEntries,
          service: sql<string>`coalesce(${serviceTexts.name}, ${services.name})`,
        })
        .from(waitlistEntries)
        .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
        .leftJoin(
          serviceTexts,
          and(eq(serviceTexts.serviceId, services.id), eq(serviceTexts.locale, locale)),
        )
        .where(inArray(waitlistEntries.email, addresses))
        .orderBy(asc(waitlistEntries.createdAt))
        .all()
    : []

  // Messages to their address, and any about their bookings (an address since corrected).
  const emails = db
    .select()
    .from(emailOutbox)
    .where(
      or(
        addresses.length ? inArray(emailOutbox.toAddress, addresses) : undefined,
        bookingIds.length ? inArray(emailOutbox.bookingId, bookingIds) : undefined,
      ) ?? sql`0`,
    )
    .orderBy(asc(emailOutbox.createdAt))
    .all()
    // A staff invitation or another patient's message never matches an address of this record,
    // but one sent about their booking to a former address of theirs does.
    .filter((row) => addresses.includes(row.toAddress) || bookingIds.includes(row.bookingId ?? ''))

  const requests = db
    .select()
    .from(privacyRequests)
    .where(inArray(privacyRequests.patientId, ids))
    .orderBy(asc(privacyRequests.createdAt))
    .all()

  const data: MyDataExport = {
    format: 'dermadesk-my-data',
    formatVersion: MY_DATA_FORMAT_VERSION,
    generatedAt: iso(input.now),
    locale,
    clinic: clinicIdentity(getDb()),
    patient: person(main),
    mergedRecords: people.filter((row) => row.id !== main.id).map(person),
    bookings: bookingRows.map(({ booking, service, kind, practitioner }) => ({
      reference: booking.reference,
      patientId: booking.patientId ?? main.id,
      service,
      kind,
      practitioner,
      startAt: iso(booking.startAt),
      endAt: iso(booking.endAt),
      timeZone: booking.timeZone,
      status: booking.status,
      courseSession: booking.courseSessionNumber,
      bookedAt: iso(booking.createdAt),
      bookedByStaff: booking.bookedByUserId !== null,
      confirmedAt: isoOrNull(booking.confirmedAt),
      completedAt: isoOrNull(booking.completedAt),
      cancelledAt: isoOrNull(booking.cancelledAt),
      cancellationReason: booking.cancellationReason,
      history: events
        .filter((event) => event.bookingId === booking.id)
        .map((event) => ({ event: event.action, at: iso(event.occurredAt) })),
      checkIns: arrivals
        .filter(({ checkIn }) => checkIn.bookingId === booking.id)
        .map(({ checkIn, clinician }) => ({
          at: iso(checkIn.checkedInAt),
          clinician,
          identityChecked: checkIn.identityMethod,
          healthUnchanged: checkIn.healthUnchanged,
        })),
    })),
    screenings: submissions.map((row) => {
      const submission = readSubmission(row)
      return {
        id: row.id,
        bookingReference: row.bookingId ? refOf(row.bookingId) : null,
        submittedAt: iso(row.submittedAt),
        source: row.source,
        questionnaireVersion: row.questionnaireVersion,
        outcome: row.outcome,
        waitUntil: row.waitUntil,
        answers: describeAnswers(submission.answers, 'patient', locale),
        explanations: patientExplanationsOf(submission.findings, locale),
        privacyNoticeVersionId: row.privacyNoticeVersionId,
      }
    }),
    clinicMessages: reviewEvents.map((event) => ({
      bookingReference: refOf(event.bookingId),
      kind: event.kind,
      from: event.actorType === 'patient' ? ('you' as const) : ('clinic' as const),
      message: event.message,
      at: iso(event.occurredAt),
    })),
    consents: consentIds.flatMap(({ id }) => {
      const view = loadConsentRecordView(db, id)
      if (!view) return []
      return [
        {
          id: view.id,
          bookingReference: refOf(view.bookingId),
          tier: view.tier,
          versionNumber: view.versionNumber,
          locale: view.locale ?? 'en',
          title: view.title,
          text: view.text,
          textSha256: view.textSha256,
          recordSha256: view.recordSha256,
          signedAt: iso(view.signedAt),
          typedName: view.typedName,
          drawnSignature: view.drawnSignature,
          photoClinical: view.photoClinical,
          photoMarketing: view.photoMarketing,
          checkAnswers: view.checkAnswers.map((a) => ({ question: a.prompt, answer: a.answer })),
          emailProvenBy: view.emailProvenBy,
          verifiedEmail: view.verifiedEmail,
          ipAddress: view.ipAddress,
          userAgent: view.userAgent,
          countersignature: view.countersignature
            ? {
                clinicianName: view.countersignature.clinicianName,
                at: iso(view.countersignature.at),
              }
            : null,
          withdrawal: view.withdrawal
            ? { at: iso(view.withdrawal.at), reason: withdrawalReasons.get(view.id) ?? null }
            : null,
        },
      ]
    }),
    treatments: treatments.map(({ record, recordedBy }) => {
      const products = treatmentProductsOf(record)
      const plain = yourTreatment(
        { areas: JSON.parse(record.areas) as TreatmentRecordInput['areas'], ...products },
        locale,
      )
      return {
        id: record.id,
        bookingReference: refOf(record.bookingId),
        recordedAt: iso(record.recordedAt),
        recordedBy,
        correctsRecordId: record.correctsRecordId,
        areas: plain.areas,
        maxDepth: formatDepthMm(record.maxDepthUm, locale),
        passes: record.passes,
        device: record.device,
        cartridgeLot: record.cartridgeLot,
        numbingCream: visit(`anaestheticKind.${record.anaesthetic}`),
        numbingMinutes: record.anaestheticMinutes,
        redness: visit(`rednessGrade.${record.rednessGrade}` as 'rednessGrade.0'),
        bleeding: visit(`bleedingLevel.${record.bleeding}`),
        appliedToSkin: plain.applied,
        aftercareProduct: plain.aftercareProduct,
        notes: record.notes,
      }
    }),
    photos: photos.map(({ photo, withdrawn }) => ({
      id: photo.id,
      bookingReference: refOf(photo.bookingId),
      area: photo.area,
      view: photo.view,
      stage: photo.stage,
      takenAt: iso(photo.takenAt),
      width: photo.width,
      height: photo.height,
      displaySha256: photo.displayKey,
      thumbnailSha256: photo.thumbKey,
      uploadSha256: photo.uploadSha256,
      marketingUse: photo.marketingUse,
      hiddenAfterWithdrawal: Boolean(withdrawn),
    })),
    waitlist: waitlist.map(({ entry, service }) => ({
      id: entry.id,
      service,
      fromDate: entry.fromDate,
      toDate: entry.toDate,
      timesOfDay: parseTimesOfDay(entry.timesOfDay),
      fullName: entry.fullName,
      email: entry.email,
      status: entry.status,
      joinedAt: iso(entry.createdAt),
    })),
    emails: emails.map((row) => ({
      id: row.id,
      kind: emailKindOf(row.dedupeKey),
      to: row.toAddress,
      subject: row.subject,
      createdAt: iso(row.createdAt),
      sentAt: isoOrNull(row.sentAt),
      status: row.status,
      text: row.textBody === '' ? null : withoutLinkSecrets(row.textBody),
    })),
    privacyRequests: requests.map((row) => ({
      id: row.id,
      kind: row.kind,
      details: row.details,
      status: row.status,
      requestedAt: iso(row.createdAt),
      dueAt: iso(row.dueAt),
      decidedAt: isoOrNull(row.decidedAt),
      decisionReason: row.decisionReason,
    })),
  }
  return MyDataExportSchema.parse(data)
}
