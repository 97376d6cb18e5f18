import { formatDateInZone, formatTimeInZone } from '#app/utils/format.ts'

export type ConsentRecordSummary = {
  typedName: string
  drawnSignature: string | null
  signedAt: number
  versionNumber: number
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

const CONSENT_LABELS: Record<string, { label: string; tone: 'ok' | 'warn' | 'bad' | 'neutral' }> = {
  missing: { label: 'Not signed yet', tone: 'warn' },
  signed: { label: 'Signed', tone: 'ok' },
  countersigned: { label: 'Signed and countersigned', tone: 'ok' },
  withdrawn: { label: 'Withdrawn', tone: 'bad' },
  not_required: { label: 'Not needed (no needling)', tone: 'neutral' },
}

export function ConsentStatusBadge({ status }: { status: string }) {
  const { label, tone } = CONSENT_LABELS[status] ?? { label: status, tone: 'neutral' as const }
  return <span className={`badge badge--${tone}`}>{label}</span>
}

function at(instant: number, zone: string) {
  return `${formatDateInZone(instant, zone)} at ${formatTimeInZone(instant, zone)}`
}

const PROOFS: Record<string, string> = {
  email_code: 'a code sent to',
  manage_link: 'a link sent to',
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
  return (
    <dl className="details consent-record">
      <dt>Signed by</dt>
      <dd>{record.typedName}</dd>
      <dt>Signed on</dt>
      <dd>{at(record.signedAt, timeZone)}</dd>
      {record.drawnSignature ? (
        <>
          <dt>Drawn signature</dt>
          <dd>
            <img
              className="consent-record__signature"
              src={record.drawnSignature}
              alt={`Signature drawn by ${record.typedName}`}
            />
          </dd>
        </>
      ) : null}
      <dt>Form version</dt>
      <dd>{record.versionNumber}</dd>
      <dt>Clinical photos</dt>
      <dd>{record.photoClinical ? 'Yes' : 'No'}</dd>
      <dt>Photos for marketing</dt>
      <dd>{record.photoMarketing ? 'Yes' : 'No'}</dd>
      <dt>Email proven by</dt>
      <dd>
        {PROOFS[record.emailProvenBy] ?? record.emailProvenBy} {record.verifiedEmail}
      </dd>
      <dt>Countersigned</dt>
      <dd>
        {record.countersignature
          ? `By ${record.countersignature.clinicianName} on ${at(record.countersignature.at, timeZone)}`
          : audit
            ? 'Not yet: countersign it below when you see the patient.'
            : 'Not yet: the clinician countersigns at your visit.'}
      </dd>
      {record.withdrawal ? (
        <>
          <dt>Withdrawn</dt>
          <dd>{at(record.withdrawal.at, timeZone)}</dd>
        </>
      ) : null}
      {audit ? (
        <>
          <dt>IP address</dt>
          <dd>{record.ipAddress ?? 'not known'}</dd>
          <dt>Browser</dt>
          <dd className="break-anywhere">{record.userAgent ?? 'not known'}</dd>
          <dt>Text SHA-256</dt>
          <dd className="break-anywhere">
            <code>{record.textSha256}</code>
          </dd>
          <dt>Record SHA-256</dt>
          <dd className="break-anywhere">
            <code>{record.recordSha256}</code>
          </dd>
          <dt>Integrity</dt>
          <dd>
            {record.integrity.textMatches && record.integrity.recordMatches ? (
              <span className="badge badge--ok">Text and record match their hashes</span>
            ) : (
              <span className="badge badge--bad">
                Does not match: {record.integrity.textMatches ? '' : 'text '}
                {record.integrity.recordMatches ? '' : 'record'}
              </span>
            )}
          </dd>
        </>
      ) : null}
    </dl>
  )
}
