import { Link } from '@remix-run/react'
import { type NoticeReading, type ShownNotice } from '#app/domain/privacy/privacy-notice.rules.ts'
import { SHOWN_NOTICE_FIELD } from '#app/domain/privacy/privacy-notice.schema.ts'
import { translator } from '#app/i18n/catalogue.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { type Locale } from '#app/i18n/locales.ts'
import { privacyNoticeMessages } from '#app/i18n/messages/index.ts'

/** The notice's sections under the app's own headings. */
export function PrivacyNoticeText({
  reading,
  headingLevel,
  language,
}: {
  reading: NoticeReading
  headingLevel: 2 | 3 | 4
  /** The notice's language when it differs from the page's (the admin's side-by-side preview). */
  language?: Locale
}) {
  const pageT = useT(privacyNoticeMessages)
  const t = language ? translator(privacyNoticeMessages, language) : pageT
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!
  const idOf = (key: string) => `notice-${language ?? 'page'}-${key}`
  return (
    <div className="stack">
      {reading.sections.map((section) => (
        <section key={section.key} aria-labelledby={idOf(section.key)}>
          <Heading id={idOf(section.key)}>{t(`section.${section.key}`)}</Heading>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
    </div>
  )
}

/**
 * The box above the first health question: the notice's summary, the whole notice in a
 * disclosure (native <details>: works without JavaScript and keeps the answers typed so far), and
 * a link to the same version on its own page.
 */
export function PrivacyNoticeBox({ notice }: { notice: ShownNotice }) {
  const t = useT(privacyNoticeMessages)
  return (
    <section className="notice stack" aria-labelledby="privacy-notice-heading">
      <h2 id="privacy-notice-heading">{t('boxHeading')}</h2>
      {notice.reading.summary.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <details className="folded">
        <summary>{t('readFull')}</summary>
        <div className="stack">
          <p>
            <strong>{notice.reading.title}</strong>
          </p>
          <PrivacyNoticeText reading={notice.reading} headingLevel={3} />
        </div>
      </details>
      <p>
        <Link to={`/privacy?version=${notice.versionNumber}`}>{t('openPage')}</Link>
      </p>
    </section>
  )
}

/** Goes inside the screening form: the version the box above showed. */
export function ShownNoticeField({ notice }: { notice: ShownNotice }) {
  return <input type="hidden" name={SHOWN_NOTICE_FIELD} value={notice.id} />
}
