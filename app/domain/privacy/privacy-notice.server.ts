import { randomUUID } from 'node:crypto'
import { and, desc, eq } from 'drizzle-orm'
import { recordAuditEvent } from '#app/domain/audit/audit.server.ts'
import { getClinicSettings } from '#app/domain/clinic/clinic.server.ts'
import { type Db, getDb, type Tx } from '#db/client.server.ts'
import { privacyNoticeVersions, users } from '#db/schema/index.ts'
import { type Locale } from '#app/i18n/locales.ts'
import {
  DRAFT_RETENTION_DAYS,
  OUTBOX_BODY_RETENTION_DAYS,
  UNVERIFIED_PATIENT_RETENTION_DAYS,
} from './retention.rules.ts'
import {
  type NoticeReading,
  readNotice,
  type ShownNotice,
  unknownNoticePlaceholders,
  verifiedShownNotice,
} from './privacy-notice.rules.ts'
import {
  type NoticeValues,
  type PrivacyNoticeContent,
  PrivacyNoticeContentSchema,
} from './privacy-notice.schema.ts'

/**
 * The privacy notice's versions (ADR 050), written like the consent form's but simpler: one draft
 * at a time, copied from the version in force; publishing makes it the notice patients see at
 * once. A published version never changes (the database refuses: migration 0028's triggers).
 * Version 1 ships with the app (migration 0029).
 */

export type NoticeActor = { userId: string; ipAddress: string | null; requestId: string | null }

export type NoticeVersion = {
  id: string
  versionNumber: number
  status: 'draft' | 'published'
  content: PrivacyNoticeContent
  publishedAt: number | null
  publishedByName: string | null
  updatedAt: number
}

type Row = typeof privacyNoticeVersions.$inferSelect

function toVersion(row: Row, publishedByName: string | null = null): NoticeVersion {
  return {
    id: row.id,
    versionNumber: row.versionNumber,
    status: row.status,
    content: PrivacyNoticeContentSchema.parse(JSON.parse(row.content)),
    publishedAt: row.publishedAt?.getTime() ?? null,
    publishedByName,
    updatedAt: row.updatedAt.getTime(),
  }
}

function auditActor(actor: NoticeActor) {
  return {
    type: 'staff' as const,
    id: actor.userId,
    ipAddress: actor.ipAddress,
    requestId: actor.requestId,
  }
}

function currentRow(db: Db | Tx): Row | undefined {
  return db
    .select()
    .from(privacyNoticeVersions)
    .where(eq(privacyNoticeVersions.status, 'published'))
    .orderBy(desc(privacyNoticeVersions.versionNumber))
    .limit(1)
    .get()
}

/** The notice patients see now: the newest published version (version 1 ships with the app). */
export function getCurrentPrivacyNotice(db: Db | Tx = getDb()): NoticeVersion {
  const row = currentRow(db)
  if (!row) throw new Error('No published privacy notice: run the migrations.')
  return toVersion(row)
}

/** Any version by id (drafts too: admin pages only). */
export function getPrivacyNoticeVersion(id: string, db: Db | Tx = getDb()): NoticeVersion | null {
  const row = db
    .select({ version: privacyNoticeVersions, publishedBy: users.name })
    .from(privacyNoticeVersions)
    .leftJoin(users, eq(users.id, privacyNoticeVersions.publishedByUserId))
    .where(eq(privacyNoticeVersions.id, id))
    .get()
  return row ? toVersion(row.version, row.publishedBy) : null
}

/** A published version by its number (`/privacy?version=N`); drafts are never public. */
export function getPublishedPrivacyNotice(versionNumber: number): NoticeVersion | null {
  const row = getDb()
    .select()
    .from(privacyNoticeVersions)
    .where(
      and(
        eq(privacyNoticeVersions.versionNumber, versionNumber),
        eq(privacyNoticeVersions.status, 'published'),
      ),
    )
    .get()
  return row ? toVersion(row) : null
}

/** Every version, newest first, with who published it (the admin's list). */
export function listPrivacyNoticeVersions(): NoticeVersion[] {
  return getDb()
    .select({ version: privacyNoticeVersions, publishedBy: users.name })
    .from(privacyNoticeVersions)
    .leftJoin(users, eq(users.id, privacyNoticeVersions.publishedByUserId))
    .orderBy(desc(privacyNoticeVersions.versionNumber))
    .all()
    .map((row) => toVersion(row.version, row.publishedBy))
}

/** What the notice's placeholders stand for: the clinic's details and its retention periods. */
export function noticeValues(): NoticeValues {
  const clinic = getClinicSettings()
  return {
    clinic_name: clinic.name,
    clinic_address: clinic.address,
    clinic_email: clinic.email,
    clinic_phone: clinic.phone,
    record_years: String(clinic.clinicalRecordRetentionYears),
    draft_days: String(DRAFT_RETENTION_DAYS),
    unverified_days: String(UNVERIFIED_PATIENT_RETENTION_DAYS),
    email_body_days: String(OUTBOX_BODY_RETENTION_DAYS),
  }
}

/** A version as a patient reads it, in their language, with the clinic's details filled in. */
export function showPrivacyNotice(version: NoticeVersion, locale: Locale): ShownNotice {
  return {
    id: version.id,
    versionNumber: version.versionNumber,
    reading: readNotice(version.content, locale, noticeValues()),
  }
}

/** The current notice as shown above the first health question. */
export function getShownPrivacyNotice(locale: Locale): ShownNotice {
  return showPrivacyNotice(getCurrentPrivacyNotice(), locale)
}

/**
 * The version a screening form says its patient was shown, if it is a published one (ADR 050:
 * a tampered, unknown or draft id is refused, never replaced). Call inside the transaction that
 * records the answers.
 */
export function verifyShownNotice(
  tx: Db | Tx,
  shownId: string | null | undefined,
): { ok: true; id: string } | { ok: false } {
  const version = shownId
    ? tx
        .select({ id: privacyNoticeVersions.id, status: privacyNoticeVersions.status })
        .from(privacyNoticeVersions)
        .where(eq(privacyNoticeVersions.id, shownId))
        .get()
    : undefined
  return verifiedShownNotice(shownId, version)
}

/** The id of the version in force (staff typing answers at the visit show the patient this one). */
export function currentNoticeId(tx: Db | Tx): string {
  const row = currentRow(tx)
  if (!row) throw new Error('No published privacy notice: run the migrations.')
  return row.id
}

export type CreateNoticeDraftResult = { ok: true; versionId: string; created: boolean }

/** A draft copied from the version in force; the open draft if there is one already. */
export function createPrivacyNoticeDraft(input: {
  actor: NoticeActor
  now?: Date
}): CreateNoticeDraftResult {
  const now = input.now ?? new Date()
  return getDb().transaction(
    (tx): CreateNoticeDraftResult => {
      const latest = tx
        .select()
        .from(privacyNoticeVersions)
        .orderBy(desc(privacyNoticeVersions.versionNumber))
        .limit(1)
        .get()
      if (latest?.status === 'draft') return { ok: true, versionId: latest.id, created: false }
      const current = currentRow(tx)
      if (!current || !latest) throw new Error('No published privacy notice: run the migrations.')
      const id = randomUUID()
      tx.insert(privacyNoticeVersions)
        .values({
          id,
          versionNumber: latest.versionNumber + 1,
          status: 'draft',
          content: current.content,
          createdAt: now,
          createdByUserId: input.actor.userId,
          updatedAt: now,
        })
        .run()
      recordAuditEvent(tx, {
        action: 'privacy_notice.draft_created',
        actor: auditActor(input.actor),
        subjectType: 'privacy_notice_version',
        subjectId: id,
        details: { versionNumber: latest.versionNumber + 1, from: current.id },
        at: now,
      })
      return { ok: true, versionId: id, created: true }
    },
    { behavior: 'immediate' },
  )
}

export type SaveNoticeDraftResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'not-draft' }
  | { ok: false; reason: 'unknown-placeholders'; names: string[] }

function loadDraft(tx: Tx, versionId: string) {
  const row = tx
    .select()
    .from(privacyNoticeVersions)
    .where(eq(privacyNoticeVersions.id, versionId))
    .get()
  if (!row) return { ok: false as const, reason: 'not-found' as const }
  if (row.status !== 'draft') return { ok: false as const, reason: 'not-draft' as const }
  return { ok: true as const, row }
}

export function savePrivacyNoticeDraft(input: {
  versionId: string
  content: PrivacyNoticeContent
  actor: NoticeActor
  now?: Date
}): SaveNoticeDraftResult {
  const now = input.now ?? new Date()
  const content = PrivacyNoticeContentSchema.parse(input.content)
  const unknown = unknownNoticePlaceholders(content)
  if (unknown.length > 0) return { ok: false, reason: 'unknown-placeholders', names: unknown }
  return getDb().transaction(
    (tx): SaveNoticeDraftResult => {
      const draft = loadDraft(tx, input.versionId)
      if (!draft.ok) return draft
      tx.update(privacyNoticeVersions)
        .set({ content: JSON.stringify(content), updatedAt: now })
        .where(eq(privacyNoticeVersions.id, input.versionId))
        .run()
      recordAuditEvent(tx, {
        action: 'privacy_notice.draft_saved',
        actor: auditActor(input.actor),
        subjectType: 'privacy_notice_version',
        subjectId: input.versionId,
        details: { versionNumber: draft.row.versionNumber },
        at: now,
      })
      return { ok: true }
    },
    { behavior: 'immediate' },
  )
}

export type PublishNoticeResult =
  | { ok: true; versionNumber: number }
  | { ok: false; reason: 'not-found' | 'not-draft' }
  | { ok: false; reason: 'unknown-placeholders'; names: string[] }

/** Publishes the draft: from now on patients are shown it, and it never changes again. */
export function publishPrivacyNoticeDraft(input: {
  versionId: string
  actor: NoticeActor
  now?: Date
}): PublishNoticeResult {
  const now = input.now ?? new Date()
  return getDb().transaction(
    (tx): PublishNoticeResult => {
      const draft = loadDraft(tx, input.versionId)
      if (!draft.ok) return draft
      const content = PrivacyNoticeContentSchema.parse(JSON.parse(draft.row.content))
      const unknown = unknownNoticePlaceholders(content)
      if (unknown.length > 0) return { ok: false, reason: 'unknown-placeholders', names: unknown }
      tx.update(privacyNoticeVersions)
        .set({
          status: 'published',
          publishedAt: now,
          publishedByUserId: input.actor.userId,
          updatedAt: now,
        })
        .where(eq(privacyNoticeVersions.id, input.versionId))
        .run()
      recordAuditEvent(tx, {
        action: 'privacy_notice.published',
        actor: auditActor(input.actor),
        subjectType: 'privacy_notice_version',
        subjectId: input.versionId,
        details: { versionNumber: draft.row.versionNumber },
        at: now,
      })
      return { ok: true, versionNumber: draft.row.versionNumber }
    },
    { behavior: 'immediate' },
  )
}

export type PublicNotice = {
  notice: ShownNotice
  publishedAt: number
  timeZone: string
  /** False for a past version (`/privacy?version=N`): the page links to the current one. */
  isCurrent: boolean
}

/** The public page /privacy: the current version, or a past published one by its number. */
export function getPublicPrivacyNotice(input: {
  versionNumber?: number
  locale: Locale
}): PublicNotice | null {
  const current = getCurrentPrivacyNotice()
  const version =
    input.versionNumber === undefined ? current : getPublishedPrivacyNotice(input.versionNumber)
  if (!version) return null
  return {
    notice: showPrivacyNotice(version, input.locale),
    publishedAt: version.publishedAt ?? version.updatedAt,
    timeZone: getClinicSettings().timeZone,
    isCurrent: version.id === current.id,
  }
}

/** The admin's list: every version, newest first, and the clinic's zone for their dates. */
export function getPrivacyNoticeAdminOverview(): { versions: NoticeVersion[]; timeZone: string } {
  return { versions: listPrivacyNoticeVersions(), timeZone: getClinicSettings().timeZone }
}

export type NoticeVersionForAdmin = NoticeVersion & {
  timeZone: string
  /** Both languages as patients read them, with the clinic's details filled in. */
  readings: Record<Locale, NoticeReading>
}

/** One version for the admin's page: its text, and how patients see it in each language. */
export function getPrivacyNoticeVersionForAdmin(id: string): NoticeVersionForAdmin | null {
  const version = getPrivacyNoticeVersion(id)
  if (!version) return null
  const values = noticeValues()
  return {
    ...version,
    timeZone: getClinicSettings().timeZone,
    readings: {
      it: readNotice(version.content, 'it', values),
      en: readNotice(version.content, 'en', values),
    },
  }
}
