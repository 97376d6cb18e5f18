import { Form, Link, NavLink } from '@remix-run/react'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type StaffAccess } from '#app/domain/auth/mfa.rules.ts'

type StaffSummary = { name: string; roles: StaffRole[]; access: StaffAccess }
type ClinicContact = { name: string; phone: string; email: string; address: string }

export function SiteHeader({
  clinicName,
  staffUser,
}: {
  clinicName: string
  staffUser: StaffSummary | null
}) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32" focusable="false">
            <circle cx="16" cy="16" r="15" fill="currentColor" opacity="0.15" />
            <circle cx="11" cy="12" r="2" fill="currentColor" />
            <circle cx="20" cy="11" r="2" fill="currentColor" />
            <circle cx="15" cy="20" r="2" fill="currentColor" />
            <circle cx="22" cy="20" r="2" fill="currentColor" />
          </svg>
          <span>{clinicName}</span>
        </Link>
        <nav aria-label={staffUser ? 'Staff' : 'Main'} className="site-nav">
          <ul>
            {staffUser ? (
              <>
                {staffUser.access === 'full' &&
                (staffUser.roles.includes('clinician') || staffUser.roles.includes('admin')) ? (
                  <li>
                    <NavLink to="/staff" end>
                      Staff home
                    </NavLink>
                  </li>
                ) : null}
                {staffUser.access === 'full' && staffUser.roles.includes('admin') ? (
                  <li>
                    <NavLink to="/admin">Clinic settings</NavLink>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <button type="submit" className="button button--quiet">
                      Sign out <span className="visually-hidden">{staffUser.name}</span>
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/" end>
                    Treatments
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/book">Book</NavLink>
                </li>
                <li>
                  <NavLink to="/bookings">My booking</NavLink>
                </li>
                {/* Patients on a phone need the room more than staff need the link. */}
                <li className="site-nav__staff">
                  <NavLink to="/login">Staff</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  )
}

export function SiteFooter({ clinic }: { clinic: ClinicContact | null }) {
  if (!clinic) return <footer className="site-footer" />
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <strong>{clinic.name}</strong>
          <br />
          {clinic.address}
        </p>
        <p>
          Phone <a href={`tel:${clinic.phone.replace(/\s/g, '')}`}>{clinic.phone}</a>
          <br />
          Email <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
        </p>
      </div>
    </footer>
  )
}
