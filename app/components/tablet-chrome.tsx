import { Link } from '@remix-run/react'
import { LanguageSwitch } from '#app/components/site-chrome.tsx'
import { useT } from '#app/i18n/locale-context.tsx'
import { tabletMessages } from '#app/i18n/messages/index.ts'

/**
 * The header of a clinic tablet handed to a patient (ADR 045): the clinic's name, the way back to
 * the patient's steps and the language switch. No staff navigation and no links away.
 */
export function TabletHeader({ clinicName, pagePath }: { clinicName: string; pagePath: string }) {
  const t = useT(tabletMessages)
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <span className="brand">
          {clinicName}
          <span className="tablet-tag">{t('chromeLabel')}</span>
        </span>
        <nav aria-label={t('chromeLabel')} className="site-nav">
          <ul>
            <li>
              <Link to="/tablet">{t('yourSteps')}</Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitch pagePath={pagePath} staff={false} />
      </div>
    </header>
  )
}
