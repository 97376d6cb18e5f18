import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import { TableHead } from '#app/components/table-head.tsx'
import { auditMessages } from '#app/i18n/messages/index.ts'

/** One entry of the audit log as the page shows it (times already in the clinic's zone). */
export type AuditEntryView = {
  seq: number
  iso: string
  when: string
  action: string
  /** The action's readable name, when the code has one. */
  actionLabel: string | null
  actor: string
  ipAddress: string | null
  subject: string | null
  patientId: string | null
  details: string | null
}

type Page = {
  entries: AuditEntryView[]
  newerAfter: number | null
  olderBefore: number | null
  unknownActorEmail: boolean
}

/** The table of /admin/audit and its links to newer and older pages. */
export function AuditEntries({
  page,
  pageLink,
}: {
  page: Page
  pageLink: (cursor: { before?: number; after?: number }) => string
}) {
  const t = useT(auditMessages)
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">{t('entries')}</h2>
      {page.unknownActorEmail ? <p className="notice">{t('noStaffWithEmail')}</p> : null}
      {page.entries.length === 0 ? (
        <p>{t('noEntries')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {t('entriesCaption', {
                first: String(page.entries[0]!.seq),
                last: String(page.entries.at(-1)!.seq),
              })}
            </caption>
            <TableHead
              columns={[t('colWhen'), t('colAction'), t('colWho'), t('colRecord'), t('colDetails')]}
            />
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.seq}>
                  <th scope="row">
                    <time dateTime={entry.iso}>{entry.when}</time>
                    <br />
                    <span className="muted">#{entry.seq}</span>
                  </th>
                  <td>
                    <code>{entry.action}</code>
                    {entry.actionLabel ? (
                      <>
                        <br />
                        {entry.actionLabel}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {entry.actor}
                    {entry.ipAddress ? (
                      <>
                        <br />
                        <span className="muted">{t('ip', { address: entry.ipAddress })}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="break-anywhere">
                    {entry.subject}
                    {entry.patientId ? (
                      <>
                        {entry.subject ? <br /> : null}
                        {t('patient', { id: entry.patientId })}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {entry.details ? <pre className="audit-details">{entry.details}</pre> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.newerAfter !== null || page.olderBefore !== null ? (
        <nav aria-label={t('pagesLabel')}>
          <ul className="cluster pagination">
            {page.newerAfter !== null ? (
              <li>
                <Link to={pageLink({ after: page.newerAfter })} rel="prev">
                  {t('newer')}
                </Link>
              </li>
            ) : null}
            {page.olderBefore !== null ? (
              <li>
                <Link to={pageLink({ before: page.olderBefore })} rel="next">
                  {t('older')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </section>
  )
}
