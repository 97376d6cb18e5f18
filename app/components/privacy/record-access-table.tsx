import { TableHead } from '#app/components/table-head.tsx'
import { type RecordAccessRow } from '#app/domain/privacy/record-access.view.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { privacyMessages } from '#app/i18n/messages/index.ts'

/**
 * "Who looked at my record" as a table: the patient's page and the staff page show the same
 * rows, each with its own caption. On a phone the words wrap: nothing scrolls sideways.
 */
export function RecordAccessTable({
  rows,
  caption,
  recordHeading,
}: {
  rows: RecordAccessRow[]
  caption: string
  recordHeading: string
}) {
  const t = useT(privacyMessages)
  return (
    <div className="table-wrap">
      <table className="record-access-table">
        <caption>{caption}</caption>
        <TableHead
          columns={[t('colWhen'), t('colWho'), t('colRole'), t('colWhat'), recordHeading]}
        />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <time dateTime={row.iso}>{row.when}</time>
              </td>
              <td>{row.who}</td>
              <td>{row.role}</td>
              <td>{row.what}</td>
              <td>{row.record}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
