import { Body } from '@react-email/body'
import { Button } from '@react-email/button'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Heading } from '@react-email/heading'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Link } from '@react-email/link'
import { Preview } from '@react-email/preview'
import { Section } from '@react-email/section'
import { Text } from '@react-email/text'
import { renderToStaticMarkup } from 'react-dom/server'
import { translate } from '#app/i18n/catalogue.ts'
import { type Locale } from '#app/i18n/locales.ts'
import { emailsMessages } from '#app/i18n/messages/index.ts'

/**
 * Every email the clinic sends, as one structured message rendered twice (docs/decisions/036):
 * responsive HTML in the clinic's colours, built from React Email's components, and a plain-text
 * part that reads well on its own. Rendered with react-dom's synchronous renderer, so emails can
 * be written inside the transaction that queues them.
 */
export type EmailContent = {
  /** The language of the email: its `lang` and the footer's words (English when not given). */
  locale?: Locale
  /** The line mail apps show after the subject. */
  preview: string
  greeting?: string
  paragraphs: string[]
  /** The paragraphs' language when it is not the email's (clinical text still in English). */
  paragraphsLang?: Locale
  /** "When: …", "With: …": the facts of the appointment, as a list of label and value. */
  facts?: { label: string; value: string; href?: string }[]
  /** The main thing to do, as a button (and a link in the text part). */
  action?: { label: string; url: string }
  /** A section's `lang` is set when its items are in another language than the email. */
  sections?: { heading: string; items: string[]; lang?: Locale }[]
  /** Lines after the sections, before the clinic's signature. */
  closing?: string[]
  clinic: { name: string; address: string; phone: string; email: string }
}

const BRAND = '#0b5d63'
const TEXT = '#1f2933'
const MUTED = '#52606d'

export function renderEmail(content: EmailContent): { html: string; text: string } {
  return { html: renderHtml(content), text: renderText(content) }
}

/** The language of a part, when it differs from the email's. */
function otherLang(content: EmailContent, lang: Locale | undefined): Locale | undefined {
  return lang && lang !== (content.locale ?? 'en') ? lang : undefined
}

function renderHtml(content: EmailContent): string {
  const locale = content.locale ?? 'en'
  const paragraph = { color: TEXT, fontSize: '16px', lineHeight: '1.5', margin: '0 0 12px' }
  const paragraphsLang = otherLang(content, content.paragraphsLang)
  const markup = renderToStaticMarkup(
    <Html lang={locale}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{content.preview}</Preview>
      <Body
        style={{
          backgroundColor: '#f4f6f8',
          fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
          margin: 0,
          padding: '16px 0',
        }}
      >
        <Container
          style={{
            backgroundColor: '#ffffff',
            borderRadius: '8px',
            maxWidth: '560px',
            padding: '24px',
            borderTop: `6px solid ${BRAND}`,
          }}
        >
          <Heading as="h1" style={{ color: BRAND, fontSize: '20px', margin: '0 0 16px' }}>
            {content.clinic.name}
          </Heading>
          {content.greeting ? <Text style={paragraph}>{content.greeting}</Text> : null}
          {content.paragraphs.map((line) => (
            <Text key={line} style={paragraph} lang={paragraphsLang}>
              {line}
            </Text>
          ))}
          {content.facts?.length ? (
            <Section
              style={{
                backgroundColor: '#eef6f6',
                borderRadius: '6px',
                padding: '12px 16px',
                margin: '0 0 16px',
              }}
            >
              {content.facts.map((fact) => (
                <Text key={fact.label} style={{ ...paragraph, margin: '0 0 4px' }}>
                  <strong>{fact.label}:</strong>{' '}
                  {fact.href ? (
                    <Link href={fact.href} style={{ color: BRAND }}>
                      {fact.value}
                    </Link>
                  ) : (
                    fact.value
                  )}
                </Text>
              ))}
            </Section>
          ) : null}
          {content.action ? (
            <Section style={{ margin: '8px 0 20px' }}>
              <Button
                href={content.action.url}
                style={{
                  backgroundColor: BRAND,
                  borderRadius: '6px',
                  color: '#ffffff',
                  fontSize: '16px',
                  fontWeight: 600,
                  padding: '12px 20px',
                  textDecoration: 'none',
                }}
              >
                {content.action.label}
              </Button>
            </Section>
          ) : null}
          {content.sections?.map((section) => (
            <Section key={section.heading} style={{ margin: '0 0 12px' }}>
              <Heading as="h2" style={{ color: TEXT, fontSize: '17px', margin: '0 0 8px' }}>
                {section.heading}
              </Heading>
              <ul
                style={{ margin: '0 0 8px', paddingLeft: '20px' }}
                lang={otherLang(content, section.lang)}
              >
                {section.items.map((item) => (
                  <li key={item} style={{ color: TEXT, fontSize: '16px', lineHeight: '1.5' }}>
                    {item}
                  </li>
                ))}
              </ul>
            </Section>
          ))}
          {content.closing?.map((line) => (
            <Text key={line} style={paragraph}>
              {line}
            </Text>
          ))}
          <Hr style={{ borderColor: '#d9e2ec', margin: '20px 0' }} />
          <Text style={{ color: MUTED, fontSize: '14px', lineHeight: '1.5', margin: 0 }}>
            {content.clinic.name}
            <br />
            {content.clinic.address}
            <br />
            {translate(emailsMessages, locale, 'phone')}{' '}
            <Link
              href={`tel:${content.clinic.phone.replace(/[^+\d]/g, '')}`}
              style={{ color: BRAND }}
            >
              {content.clinic.phone}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>,
  )
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">${markup}`
}

/** The plain-text part: the same message, one thing per line, links written out. */
function renderText(content: EmailContent): string {
  const lines: string[] = []
  if (content.greeting) lines.push(content.greeting)
  lines.push(...content.paragraphs)
  for (const fact of content.facts ?? [])
    lines.push(
      `${fact.label}: ${fact.value}${fact.href && !fact.value.startsWith('http') ? ` (${fact.href})` : ''}`,
    )
  if (content.action) lines.push(`${content.action.label}: ${content.action.url}`)
  for (const section of content.sections ?? []) {
    lines.push(`${section.heading}:`)
    lines.push(...section.items.map((item) => `- ${item}`))
  }
  lines.push(...(content.closing ?? []))
  const phone = translate(emailsMessages, content.locale ?? 'en', 'phone')
  lines.push('', content.clinic.name, content.clinic.address, `${phone} ${content.clinic.phone}`)
  return lines.join('\n')
}
