import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  ANAESTHETICS,
  BLEEDING_LEVELS,
  IDENTITY_METHODS,
} from '#app/domain/treatment/treatment.schema.ts'
import { AFTERCARE_PRODUCTS } from '#app/domain/treatment/skin-products.rules.ts'
import { users } from './auth.ts'
import { bookings } from './booking.ts'
import { practitioners } from './clinic.ts'
import { createdAt, enumCheck, id, instant } from './columns.ts'

/**
 * Check-in at the visit: the clinician confirmed the patient's identity and asked whether their
 * health has changed since screening. Append-only (triggers); a second check-in is a new row.
 */
export const checkIns = sqliteTable(
  'check_ins',
  {
    id: id(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    clinicianUserId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    identityMethod: text({ enum: IDENTITY_METHODS }).notNull(),
    /** 'yes' = nothing changed since screening; 'changed' = the patient updated their answers. */
    healthUnchanged: integer({ mode: 'boolean' }).notNull(),
    checkedInAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    check('check_ins_identity', enumCheck(table.identityMethod, IDENTITY_METHODS)),
    index('check_ins_booking').on(table.bookingId, table.checkedInAt),
  ],
)

/**
 * What was done at a session. Clinical records are appended, never edited or deleted (triggers):
 * a correction is a new row that points at the one it corrects.
 */
export const treatmentRecords = sqliteTable(
  'treatment_records',
  {
    id: id(),
    bookingId: text()
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    practitionerId: text()
      .notNull()
      .references(() => practitioners.id, { onDelete: 'restrict' }),
    recordedByUserId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** JSON: [{ area, depthUm }], each within the service's and the practitioner's maximum. */
    areas: text().notNull(),
    maxDepthUm: integer().notNull(),
    device: text().notNull(),
    cartridgeLot: text().notNull(),
    anaesthetic: text({ enum: ANAESTHETICS }).notNull(),
    anaestheticMinutes: integer(),
    rednessGrade: integer().notNull(),
    bleeding: text({ enum: BLEEDING_LEVELS }).notNull(),
    notes: text().notNull().default(''),
    /*
     * Added in 0015 (docs/decisions/034-treatment-products.md). Null on records made before it;
     * every record since has them.
     */
    /** Passes over each area (1 to 10). */
    passes: integer(),
    /** JSON: the SKIN_PRODUCTS put on the skin during and right after needling. */
    skinProducts: text(),
    /** What "other" was, in the clinician's words. */
    skinProductOther: text(),
    /** Why a product not approved for needling was used (the clinician confirmed the warning). */
    skinProductReason: text(),
    aftercareProduct: text({ enum: AFTERCARE_PRODUCTS }),
    aftercareProductName: text(),
    correctsRecordId: text(),
    recordedAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    check('treatment_records_anaesthetic', enumCheck(table.anaesthetic, ANAESTHETICS)),
    check('treatment_records_bleeding', enumCheck(table.bleeding, BLEEDING_LEVELS)),
    check('treatment_records_redness', sql`${table.rednessGrade} BETWEEN 0 AND 3`),
    check('treatment_records_lot', sql`length(trim(${table.cartridgeLot})) > 0`),
    check('treatment_records_depth', sql`${table.maxDepthUm} BETWEEN 100 AND 3000`),
    check('treatment_records_passes', sql`${table.passes} BETWEEN 1 AND 10`),
    check(
      'treatment_records_aftercare_product',
      enumCheck(table.aftercareProduct, AFTERCARE_PRODUCTS),
    ),
    index('treatment_records_booking').on(table.bookingId, table.recordedAt),
  ],
)
