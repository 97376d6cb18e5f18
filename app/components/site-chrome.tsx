import { Form, Link, NavLink } from '@remix-run/react'
import { type StaffRole } from '#app/domain/auth/auth.schema.ts'
import { type StaffAccess } from '#app/domain/auth/mfa.rules.ts'
import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { LOCALE_NAMES, LOCALES } from '#app/i18n/locales.ts'
import { layoutMessages, staffMessages } from '#app/i18n/messages/index.ts'

type StaffSummary = { name: string; roles: StaffRole[]; access: StaffAccess }
type ClinicContact = { name: string; phone: string; email: string; address: string }

export function SkipLink() {
  const t = useT(layoutMessages)
  return (
    <a className="skip-link" href="#main">
      {t('skipToContent')}
    </a>
  )
}

/**
 * The language switch: one entry per language, each written in its own language and marked as
 * such, the current one marked for screen readers. It reloads the page, so everything on it
 * changes language at once, and works without JavaScript.
 *
 * For patients, plain links: they only set the language cookie. For signed-in staff, a small form
 * with one button per language: choosing also saves the language in their profile, and a change
 * of what is stored must never happen on a GET (a link prefetched or followed by a crawler).
 */
export function LanguageSwitch({ pagePath, staff }: { pagePath: string; staff: boolean }) {
  const t = useT(layoutMessages)
  const current = useLocale()
  if (staff)
    return (
      <nav aria-label={t('languageNav')} className="language-switch">
        <Form method="post" action="/language" reloadDocument>
          <input type="hidden" name="redirectTo" value={pagePath} />
          <ul>
            {LOCALES.map((locale) => (
              <li key={locale}>
                <button
                  type="submit"
                  name="to"
                  value={locale}
                  lang={locale}
                  aria-current={locale === current ? 'true' : undefined}
                >
                  {LOCALE_NAMES[locale]}
                </button>
              </li>
            ))}
          </ul>
        </Form>
      </nav>
    )
  return (
    <nav aria-label={t('languageNav')} className="language-switch">
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              to={`/language?${new URLSearchParams({ to: locale, redirectTo: pagePath })}`}
              reloadDocument
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'true' : undefined}
            >
              {LOCALE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function SiteHeader({
  clinicName,
  staffUser,
  pagePath,
}: {
  clinicName: string
  staffUser: StaffSummary | null
  /** Where the language switch comes back to. */
  pagePath: string
}) {
  const t = useT(layoutMessages)
  const tStaff = useT(staffMessages)
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
        <nav aria-label={staffUser ? t('staffNav') : t('mainNav')} className="site-nav">
          <ul>
            {staffUser ? (
              <>
                {staffUser.access === 'full' && staffUser.roles.length > 0 ? (
                  <li>
                    <NavLink to="/staff" end>
                      {t('navStaffHome')}
                    </NavLink>
                  </li>
                ) : null}
                {staffUser.access === 'full' && staffUser.roles.includes('admin') ? (
                  <li>
                    <NavLink to="/admin">{t('navClinicSettings')}</NavLink>
                  </li>
                ) : null}
                {staffUser.access === 'full' ? (
                  <li>
                    <NavLink to="/staff/profile">{tStaff('navProfile')}</NavLink>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout" className="inline-form">
                    <button type="submit" className="button button--quiet">
                      {t('signOut')} <span className="visually-hidden">{staffUser.name}</span>
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/" end>
                    {t('navTreatments')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/book">{t('navBook')}</NavLink>
                </li>
                <li>
                  <NavLink to="/bookings">{t('navMyBooking')}</NavLink>
                </li>
                {/* Patients on a phone need the room more than staff need the link. */}
                <li className="site-nav__staff">
                  <NavLink to="/login">{t('navStaff')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <LanguageSwitch pagePath={pagePath} staff={staffUser !== null} />
      </div>
    </header>
  )
}

export function SiteFooter({ clinic }: { clinic: ClinicContact | null }) {
  const t = useT(layoutMessages)
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
          {t('footerPhone')} <a href={`tel:${clinic.phone.replace(/\s/g, '')}`}>{clinic.phone}</a>
          <br />
          {t('footerEmail')} <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
        </p>
        <p>
          <Link to="/privacy">{t('footerPrivacy')}</Link>
        </p>
      </div>
    </footer>
  )
}
