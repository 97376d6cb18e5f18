import { type ContentTier, tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { phoneHref } from '#app/domain/shared/phone.rules.ts'
import { useLocale, useRichT } from '#app/i18n/locale-context.tsx'
import { aftercareMessages } from '#app/i18n/messages/index.ts'

/** When to call the clinic the same day, from the tier's one source (ADR 033), in the page's language. */
export function WhenToCall({ tier, clinicPhone }: { tier: ContentTier; clinicPhone: string }) {
  const locale = useLocale()
  const rich = useRichT(aftercareMessages)
  return (
    <>
      <p>
        {rich('callUs', {
          phone: clinicPhone,
          tel: (chunks) => <a href={phoneHref(clinicPhone)}>{chunks}</a>,
        })}
      </p>
      <ul>
        {tierContent(tier, locale).whenToCall.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  )
}
