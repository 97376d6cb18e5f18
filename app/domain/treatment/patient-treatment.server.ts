import { desc, eq } from 'drizzle-orm'
import { type Locale } from '#app/i18n/locales.ts'
import { type Db, type Tx } from '#db/client.server.ts'
import { treatmentRecords } from '#db/schema/index.ts'
import { treatmentProductsOf } from './skin-products.rules.ts'
import { type TreatmentRecordInput } from './treatment.schema.ts'
import { type YourTreatment, yourTreatment } from './your-treatment.ts'

/**
 * The treatment record of a booking as its patient reads it on the aftercare page: the newest
 * entry that no correction replaced (records are appended, never edited). Null when nothing was
 * recorded. The caller audits the view (with `recordId`). In the patient's language.
 */
export function treatmentForPatient(
  db: Db | Tx,
  bookingId: string,
  locale: Locale = 'en',
): { recordId: string; view: YourTreatment } | null {
  const rows = db
    .select()
    .from(treatmentRecords)
    .where(eq(treatmentRecords.bookingId, bookingId))
    .orderBy(desc(treatmentRecords.recordedAt), desc(treatmentRecords.createdAt))
    .all()
  const corrected = new Set(rows.map((row) => row.correctsRecordId).filter(Boolean))
  const current = rows.find((row) => !corrected.has(row.id))
  if (!current) return null
  return {
    recordId: current.id,
    view: yourTreatment(
      {
        areas: JSON.parse(current.areas) as TreatmentRecordInput['areas'],
        ...treatmentProductsOf(current),
      },
      locale,
    ),
  }
}
