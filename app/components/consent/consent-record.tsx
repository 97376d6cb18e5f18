import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { consentMessages, consentStaffMessages } from '#app/i18n/messages/index.ts'
import { LOCALE_NAMES, type Locale } from '#app/i18n/locales.ts'
import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'

export type ConsentRecordSummary = {
  typedName: string
  drawnSignature: string | null
  signedAt: number
  versionNumber: number
  /** The language signed in (absent: English, as every record before ADR 039). */
  locale?: Locale
  photoClinical: boolean
  photoMarketing: boolean
  emailProvenBy: string
  verifiedEmail: string
  ipAddress: string | null
  userAgent: string | null
  textSha256: string
  recordSha256: string
  integrity: { textMatches: boolean; recordMatches: boolean }
  countersignature: { clinicianName: string; at: number } | null
  withdrawal: { at: number } | null
}

/** Just what ConsentRecordDetails shows of a record, for a loader to send (no more). */
export function consentRecordSummary(record: ConsentRecordSummary): ConsentRecordSummary {
  return {
    typedName: record.typedName,
    drawnSignature: record.drawnSignature,
    signedAt: record.signedAt,
    versionNumber: record.versionNumber,
    locale: record.locale ?? 'en',
    photoClinical: record.photoClinical,
    photoMarketing: record.photoMarketing,
    emailProvenBy: record.emailProvenBy,
    verifiedEmail: record.verifiedEmail,
    ipAddress: record.ipAddress,
    userAgent: record.userAgent,
    textSha256: record.textSha256,
    recordSha256: record.recordSha256,
    integrity: record.integrity,
    countersignature: record.countersignature,
    withdrawal: record.withdrawal,
  }
}

type ConsentMessage = keyof typeof consentMessages.en

const CONSENT_LABELS: Record<
  string,
  { label: ConsentMessage; tone: 'ok' | 'warn' | 'bad' | 'neutral' }
> = {
  missing: { label: 'statusMissing', tone: 'warn' },
  signed: { label: 'statusSigned', tone: 'ok' },
  countersigned: { label: 'statusCountersigned', tone: 'ok' },
  withdrawn: { label: 'statusWithdrawn', tone: 'bad' },
  not_required: { label: 'statusNotRequired', tone: 'neutral' },
}

export function ConsentStatusBadge({ status }: { status: string }) {
  const t = useT(consentMessages)
  const known = CONSENT_LABELS[status]
  return (
    <span className={`badge badge--${known?.tone ?? 'neutral'}`}>
      {known ? t(known.label) : status}
    </span>
  )
}

function useAt() {
  const t = useT(consentMessages)
  const locale = useLocale()
  return (instant: number, zone: string) =>
    t('dateAtTime', {
      date: formatDateInZone(instant, zone, locale),
      time: formatTimeInZone(instant, zone, locale),
    })
}

const PROOFS: Record<string, ConsentMessage> = {
  email_code: 'proofCode',
  manage_link: 'proofLink',
}

/**
 * The facts of a signed consent: who signed, when, how, what they chose. Clinicians also see the
 * audit facts (IP, browser, hashes, integrity check).
 */
export function ConsentRecordDetails({
  record,
  timeZone,
  audit = false,
}: {
  record: ConsentRecordSummary
  timeZone: string
  audit?: boolean
}) {
  const t = useT(consentMessages)
  const staff = useT(consentStaffMessages)
  const at = useAt()
  const proof = PROOFS[record.emailProvenBy]
  return (
    <dl className="details consent-record">
      <dt>{t('signedBy')}</dt>
      <dd>{record.typedName}</dd>
      <dt>{t('signedOn')}</dt>
      <dd>{at(record.signedAt, timeZone)}</dd>
      {record.drawnSignature ? (
        <>
          <dt>{t('drawnSignature')}</dt>
          <dd>
            <img
              className="consent-record__signature"
              src={record.drawnSignature}
              alt={t('drawnSignatureAlt', { name: record.typedName })}
            />
          </dd>
        </>
      ) : null}
      <dt>{t('formVersion')}</dt>
      <dd>{record.versionNumber}</dd>
      {record.locale && record.locale !== 'en' ? (
        <>
          <dt>{t('signedLanguage')}</dt>
          <dd>{LOCALE_NAMES[record.locale]}</dd>
        </>
      ) : null}
      <dt>{t('clinicalPhotos')}</dt>
      <dd>{record.photoClinical ? t('yes') : t('no')}</dd>
      <dt>{t('marketingPhotos')}</dt>
      <dd>{record.photoMarketing ? t('yes') : t('no')}</dd>
      <dt>{t('emailProvenBy')}</dt>
      <dd>
        {proof
          ? t(proof, { email: record.verifiedEmail })
          : `${record.emailProvenBy} ${record.verifiedEmail}`}
      </dd>
      <dt>{t('countersigned')}</dt>
      <dd>
        {record.countersignature
          ? t('countersignedBy', {
              name: record.countersignature.clinicianName,
              at: at(record.countersignature.at, timeZone),
            })
          : audit
            ? t('notCountersignedStaff')
            : t('notCountersignedPatient')}
      </dd>
      {record.withdrawal ? (
        <>
          <dt>{t('withdrawn')}</dt>
          <dd>{at(record.withdrawal.at, timeZone)}</dd>
        </>
      ) : null}
      {audit ? (
        <>
          <dt>{staff('ipAddress')}</dt>
          <dd>{record.ipAddress ?? staff('notKnown')}</dd>
          <dt>{staff('browser')}</dt>
          <dd className="break-anywhere">{record.userAgent ?? staff('notKnown')}</dd>
          <dt>{staff('textHash')}</dt>
          <dd className="break-anywhere">
            <code>{record.textSha256}</code>
          </dd>
          <dt>{staff('recordHash')}</dt>
          <dd className="break-anywhere">
            <code>{record.recordSha256}</code>
          </dd>
          <dt>{staff('integrity')}</dt>
          <dd>
            {record.integrity.textMatches && record.integrity.recordMatches ? (
              <span className="badge badge--ok">{staff('integrityOk')}</span>
            ) : (
              <span className="badge badge--bad">
                {staff('integrityBad', {
                  text: record.integrity.textMatches ? 'no' : 'yes',
                  record: record.integrity.recordMatches ? 'no' : 'yes',
                })}
              </span>
            )}
          </dd>
        </>
      ) : null}
    </dl>
  )
}
