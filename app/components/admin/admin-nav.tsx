import { NavLink, useSearchParams } from '@remix-run/react'

const SECTIONS = [
  { to: '/admin', label: 'Overview', end: true },
  { to: '/admin/practitioners', label: 'Practitioners', end: false },
  { to: '/admin/services', label: 'Services', end: false },
  { to: '/admin/closures', label: 'Closures', end: false },
  { to: '/admin/clinic', label: 'Clinic details', end: false },
  { to: '/admin/policies', label: 'Booking policies', end: false },
  { to: '/admin/staff', label: 'Staff', end: false },
  { to: '/admin/consent', label: 'Consent forms', end: false },
  { to: '/admin/screening', label: 'Screening rules', end: false },
  { to: '/admin/emails', label: 'Sent emails', end: false },
  { to: '/admin/audit', label: 'Audit log', end: false },
] as const

/** The admin console's own sections, on every admin page. */
export function AdminNav() {
  return (
    <nav aria-label="Clinic settings sections" className="admin-nav">
      <ul className="cluster">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

const SAVED_TEXT: Record<string, string> = {
  created: 'Added.',
  profile: 'Profile saved.',
  services: 'Services saved.',
  hours: 'Weekly hours saved.',
  'add-exception': 'Added.',
  'remove-exception': 'Removed.',
  'photo-upload': 'Photo saved: patients see it when they choose who to see.',
  'photo-remove': 'Photo removed: patients see the initials.',
  add: 'Closure added.',
  remove: 'Closure removed.',
  service: 'Service saved.',
  policies: 'Booking policies saved.',
  clinic: 'Clinic details saved.',
  'consent-draft': 'Draft saved.',
  'consent-published': 'Published.',
  'consent-discarded': 'Draft discarded.',
  screening: 'Published: answers given from now on are judged by the new version.',
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`
}

/** "Saved", and what happened to affected bookings, after a Post/Redirect/Get. */
export function SavedNotice() {
  const [params] = useSearchParams()
  const saved = params.get('saved')
  if (!saved) return null
  const kept = Number(params.get('kept') ?? 0)
  const cancelled = Number(params.get('cancelled') ?? 0)
  return (
    <p className="notice notice--success" role="status">
      {SAVED_TEXT[saved] ?? 'Saved.'}
      {cancelled > 0
        ? ` ${plural(cancelled, 'booking was', 'bookings were')} cancelled and each patient is being emailed.`
        : null}
      {kept > 0
        ? ` ${plural(kept, 'booking was', 'bookings were')} kept: the practitioner still sees ${kept === 1 ? 'this patient' : 'these patients'}.`
        : null}
    </p>
  )
}
