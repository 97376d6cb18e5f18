import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import { type Translator } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { adminMessages } from '#app/i18n/messages/index.ts'
import { formatDepthMm } from '#app/utils/format.ts'

/** The first cell of a practitioner's row: the name (a link to their page) over their title. */
export function PractitionerRowHeader({
  practitioner,
}: {
  practitioner: { id: string; displayName: string; title: string }
}) {
  return (
    <th scope="row">
      <Link to={`/admin/practitioners/${practitioner.id}`}>{practitioner.displayName}</Link>
      <br />
      <span className="muted">{practitioner.title}</span>
    </th>
  )
}

type AdminT = Translator<keyof (typeof adminMessages)['en'] & string>

export function credentialLabel(credential: string, t: AdminT): string {
  return credential === 'medical' ? t('credentialMedical') : t('credentialAesthetic')
}

/** "1.5 mm", "1,5 mm", or "no needling" for a consultation. */
export function depthText(depthUm: number | null, locale: Locale, t: AdminT): string {
  return depthUm === null ? t('noNeedling') : formatDepthMm(depthUm, locale)
}

/** Whether a practitioner or a service is offered to patients. */
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT(adminMessages)
  return active ? (
    <span className="badge badge--ok">{t('active')}</span>
  ) : (
    <span className="badge badge--neutral">{t('inactive')}</span>
  )
}
