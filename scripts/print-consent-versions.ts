/**
 * Prints the INSERTs of a new published consent version per tier, written from the tier content
 * (app/domain/clinical-content/consent-content.ts). Used to write migrations/0014_consent_v2.sql:
 *
 *   npx tsx scripts/print-consent-versions.ts 2 > migrations/00NN_….sql   (then add the header)
 *
 * The ids are fixed per version so the migration is the same on every installation. Each new
 * version takes effect from the first version's own date, so it replaces it for every session
 * (consent.rules.ts requiredVersionFor), whatever the clock of the installation or of a test.
 *
 * With a language, it prints that version's text in the language instead (consent_version_texts;
 * used to write migrations/0020_consent_in_two_languages.sql, ADR 039):
 *
 *   npx tsx scripts/print-consent-versions.ts 2 it
 */
import { consentContentFor } from '#app/domain/clinical-content/consent-content.ts'
import { CONTENT_TIERS } from '#app/domain/clinical-content/tier-content.ts'
import { isLocale } from '#app/i18n/locales.ts'

const DOCUMENT_IDS = {
  medical: '3d0f6a52-8e1b-4c57-9a1e-6b2d4f7c8a01',
  cosmetic: '9a6c1e47-2b8d-4e35-b1f4-3c7e5a9d2b03',
} as const
const VERSION_IDS: Record<string, Record<string, string>> = {
  '2': {
    medical: 'e1a4c7d2-3b5f-4e68-9a0c-2d4f6b8a1c05',
    cosmetic: 'f2b5d8e3-4c6a-4f79-8b1d-3e5a7c9b2d06',
  },
}
const NOW = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
const FIRST_VERSION_IDS = {
  medical: '7b4e2c19-5d3a-4f86-8c20-1e9a6d5b3f02',
  cosmetic: 'c2e85b3d-7f14-4a69-9d0b-4f1a8c6e7d04',
} as const

const versionNumber = process.argv[2] ?? '2'
const ids = VERSION_IDS[versionNumber]
if (!ids) throw new Error(`No fixed ids for version ${versionNumber}`)

const locale = process.argv[3]
if (locale !== undefined && (!isLocale(locale) || locale === 'en'))
  throw new Error(`Not a translation language: ${locale}`)

const translations = (language: 'it') =>
  CONTENT_TIERS.map((tier) => {
    const json = JSON.stringify(consentContentFor(tier, language), null, 2).replace(/'/g, "''")
    return `INSERT INTO consent_version_texts
  (document_version_id, locale, content, created_at, updated_at)
VALUES (
  '${ids[tier]}',
  '${language}',
  '${json}',
  ${NOW},
  ${NOW}
);`
  })

const versions = () =>
  CONTENT_TIERS.map((tier) => {
    const json = JSON.stringify(consentContentFor(tier), null, 2).replace(/'/g, "''")
    return `INSERT INTO consent_document_versions
  (id, document_id, version_number, status, content, created_at, created_by_user_id, updated_at,
   published_at, published_by_user_id, effective_from)
VALUES (
  '${ids[tier]}',
  '${DOCUMENT_IDS[tier]}',
  ${versionNumber},
  'published',
  '${json}',
  ${NOW},
  NULL,
  ${NOW},
  ${NOW},
  NULL,
  (SELECT effective_from FROM consent_document_versions WHERE id = '${FIRST_VERSION_IDS[tier]}')
);`
  })
const statements = locale ? translations(locale) : versions()
process.stdout.write(`${statements.join('\n--> statement-breakpoint\n')}\n`)
