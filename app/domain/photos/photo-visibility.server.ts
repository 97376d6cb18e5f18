import { sql } from 'drizzle-orm'
import { clinicalPhotos, consentWithdrawals } from '#db/schema/index.ts'

/**
 * The one rule for which clinical photos anyone may see in the app (ADR 047): a photo stays
 * visible while the consent it was taken under has not been withdrawn. After a withdrawal the
 * photo is hidden from every page and route, but its row and files are kept as part of the
 * clinical record for the retention period (the record's legal copy and backups hold them).
 * Every read of photos (lists, comparisons, files, PDFs) filters with this condition.
 */
export function photoIsVisible() {
  return sql`NOT EXISTS (SELECT 1 FROM ${consentWithdrawals} WHERE ${consentWithdrawals.consentRecordId} = ${clinicalPhotos.consentRecordId})`
}
