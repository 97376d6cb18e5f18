import { type ContentTier, tierContent } from '#app/domain/clinical-content/tier-content.ts'
import { phoneHref } from '#app/domain/shared/phone.rules.ts'

/** When to call the clinic the same day, from the tier's one source (ADR 033). */
export function WhenToCall({ tier, clinicPhone }: { tier: ContentTier; clinicPhone: string }) {
  return (
    <>
      <p>
        Call us the same day on <a href={phoneHref(clinicPhone)}>{clinicPhone}</a> if:
      </p>
      <ul>
        {tierContent(tier).whenToCall.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  )
}
