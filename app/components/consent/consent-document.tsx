import { type ConsentBlock, type RenderedSection } from '#app/domain/consent/consent-text.rules.ts'
import { useT } from '#app/i18n/locale-context.tsx'
import { consentMessages } from '#app/i18n/messages/index.ts'
import { type Locale } from '#app/i18n/locales.ts'

/** Paragraphs and lists of one section, exactly as rendered for signing. */
export function ConsentBlocks({ blocks }: { blocks: ConsentBlock[] }) {
  return (
    <>
      {blocks.map((block, index) =>
        block.type === 'paragraph' ? (
          <p key={index}>{block.text}</p>
        ) : (
          <ul key={index}>
            {block.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  )
}

/**
 * A consent form version as the patient reads it: numbered sections, each with an id so that a
 * wrong answer in the check can link back to the part that explains it.
 */
export function ConsentDocument({
  title,
  versionNumber,
  sections,
  headingLevel = 2,
  lang,
  children,
}: {
  title: string
  versionNumber: number
  sections: RenderedSection[]
  headingLevel?: 2 | 3
  /** The language of the text, when it may differ from the page's (a signed record, a fallback). */
  lang?: Locale
  /** Shown after the "What to expect" section (the healing timeline). */
  children?: React.ReactNode
}) {
  const t = useT(consentMessages)
  const Title = headingLevel === 2 ? 'h2' : 'h3'
  const Section = headingLevel === 2 ? 'h3' : 'h4'
  return (
    <article className="consent-document" aria-labelledby="consent-document-title" lang={lang}>
      <Title id="consent-document-title">{title}</Title>
      <p className="muted">{t('versionLine', { number: versionNumber })}</p>
      {sections.map((section) => (
        <section key={section.key} id={section.anchor} aria-labelledby={`${section.anchor}-title`}>
          <Section id={`${section.anchor}-title`}>
            {section.number}. {section.title}
          </Section>
          <ConsentBlocks blocks={section.blocks} />
          {section.key === 'what_to_expect' ? children : null}
        </section>
      ))}
    </article>
  )
}
