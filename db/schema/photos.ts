import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  type SQLiteColumn,
  sqliteTable,
  text,
} from 'drizzle-orm/sqlite-core'
import { PHOTO_STAGES, PHOTO_VIEWS } from '#app/domain/photos/photo.constants.ts'
import { TREATMENT_AREAS } from '#app/domain/treatment/treatment.schema.ts'
import { users } from './auth.ts'
import { bookings, patients } from './booking.ts'
import { consentRecords } from './consent.ts'
import { createdAt, enumCheck, id, instant } from './columns.ts'

/** A 64-character lowercase SHA-256 hex key of a file in the photo store. */
const isSha256 = (column: SQLiteColumn) =>
  sql`length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`

/**
 * One clinical photo of one treated area and view at one visit (ADR 047). Append-only, like every
 * clinical record: the files are named by the SHA-256 of their bytes, and a photo is hidden (after
 * a withdrawal of photo consent) by reading the consent it was taken under, never by editing it.
 */
export const clinicalPhotos = sqliteTable(
  'clinical_photos',
  {
    id: id(),
    patientId: text()
      .notNull()
      .references(() => patients.id, { onDelete: 'restrict' }),
    /** The visit it was taken at. */
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    /** The signed consent whose "clinical photos: yes" allowed it. */
    consentRecordId: text()
      .notNull()
      .references(() => consentRecords.id, { onDelete: 'restrict' }),
    area: text({ enum: TREATMENT_AREAS }).notNull(),
    view: text({ enum: PHOTO_VIEWS }).notNull(),
    stage: text({ enum: PHOTO_STAGES }).notNull(),
    /** The display size (WebP, metadata removed), by the SHA-256 of its bytes. */
    displayKey: text().notNull(),
    /** The thumbnail (WebP), by the SHA-256 of its bytes. */
    thumbKey: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    /** SHA-256 of the bytes as uploaded (never stored: they may carry GPS and camera data). */
    uploadSha256: text().notNull(),
    /** Marked for marketing use; only possible when the consent allowed marketing photos. */
    marketingUse: integer({ mode: 'boolean' }).notNull().default(false),
    takenByUserId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    takenAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    check('clinical_photos_area', enumCheck(table.area, TREATMENT_AREAS)),
    check('clinical_photos_view', enumCheck(table.view, PHOTO_VIEWS)),
    check('clinical_photos_stage', enumCheck(table.stage, PHOTO_STAGES)),
    check('clinical_photos_display_key', isSha256(table.displayKey)),
    check('clinical_photos_thumb_key', isSha256(table.thumbKey)),
    check('clinical_photos_upload_sha', isSha256(table.uploadSha256)),
    // The comparison reads one patient's photos of one area and view across visits.
    index('clinical_photos_patient_area_view').on(
      table.patientId,
      table.area,
      table.view,
      table.takenAt,
    ),
    index('clinical_photos_booking').on(table.bookingId, table.takenAt),
  ],
)
