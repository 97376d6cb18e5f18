import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { id, instant } from './columns.ts'

/**
 * One row per run of a retention job (ADR 049): when it ran and how many rows it removed or
 * reduced, as JSON counts. Never names, emails or content; the admin retention page reads it.
 */
export const retentionRuns = sqliteTable(
  'retention_runs',
  {
    id: id(),
    /** The job's name, e.g. "drafts" (RETENTION_JOBS in app/domain/privacy/retention.rules.ts). */
    job: text().notNull(),
    ranAt: instant().notNull(),
    /** JSON: counts only, e.g. {"removed": 3}. */
    counts: text().notNull().default('{}'),
  },
  (table) => [index('retention_runs_job').on(table.job, table.ranAt)],
)
