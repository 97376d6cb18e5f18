import { NavLink, useSearchParams } from '@remix-run/react'
import { useT } from '#app/i18n/locale-context.tsx'
import { adminMessages } from '#app/i18n/messages/index.ts'

const SECTIONS = [
  { to: '/admin', label: 'navOverview', end: true },
  { to: '/admin/practitioners', label: 'navPractitioners', end: false },
  { to: '/admin/services', label: 'navServices', end: false },
  { to: '/admin/closures', label: 'navClosures', end: false },
  { to: '/admin/clinic', label: 'navClinic', end: false },
  { to: '/admin/policies', label: 'navPolicies', end: false },
  { to: '/admin/staff', label: 'navStaff', end: false },
  { to: '/admin/consent', label: 'navConsent', end: false },
  { to: '/admin/privacy-notice', label: 'navPrivacyNotice', end: false },
  { to: '/admin/screening', label: 'navScreening', end: false },
  { to: '/admin/emails', label: 'navEmails', end: false },
  { to: '/admin/audit', label: 'navAudit', end: false },
  { to: '/admin/reports', label: 'navReports', end: false },
  { to: '/admin/retention', label: 'navRetention', end: false },
  { to: '/admin/privacy-requests', label: 'navPrivacyRequests', end: false },
] as const

/** The admin console's own sections, on every admin page. */
export function AdminNav() {
  const t = useT(adminMessages)
  return (
    <nav aria-label={t('navLabel')} className="admin-nav">
      <ul className="cluster">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end}>
              {t(section.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** What was saved (`?saved=` after a redirect), as a key of the `saved` message. */
const SAVED_KINDS = [
  'created',
  'profile',
  'services',
  'hours',
  'add-exception',
  'remove-exception',
  'photo-upload',
  'photo-remove',
  'add',
  'remove',
  'service',
  'policies',
  'clinic',
  'consent-draft',
  'consent-published',
  'consent-discarded',
  'privacy-draft',
  'privacy-published',
  'screening',
]

function savedKind(saved: string): string {
  if (!SAVED_KINDS.includes(saved)) return 'other'
  return saved.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

/** "Saved", and what happened to affected bookings, after a Post/Redirect/Get. */
export function SavedNotice() {
  const t = useT(adminMessages)
  const [params] = useSearchParams()
  const saved = params.get('saved')
  if (!saved) return null
  const kept = Number(params.get('kept') ?? 0)
  const cancelled = Number(params.get('cancelled') ?? 0)
  return (
    <p className="notice notice--success" role="status">
      {t('saved', { saved: savedKind(saved) })}
      {cancelled > 0 ? ` ${t('savedCancelled', { count: cancelled })}` : null}
      {kept > 0 ? ` ${t('savedKept', { count: kept })}` : null}
    </p>
  )
}
