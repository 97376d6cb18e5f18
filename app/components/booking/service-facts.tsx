import { useLocale, useT } from '#app/i18n/locale-context.tsx'
import { servicesMessages } from '#app/i18n/messages/index.ts'
import { formatPrice } from '#app/utils/format.ts'

/** A treatment's kind or tier, length and price, as patients see them in the treatment lists. */
export function ServiceFacts({
  service,
}: {
  service: { kind: string; tier: string; durationMinutes: number; priceCents: number | null }
}) {
  const t = useT(servicesMessages)
  const locale = useLocale()
  return (
    <p className="cluster">
      <span className={`badge badge--${service.tier}`}>
        {service.kind === 'consultation'
          ? t('kindConsultation')
          : service.tier === 'medical'
            ? t('tierMedical')
            : t('tierCosmetic')}
      </span>
      <span>{t('minutes', { minutes: service.durationMinutes })}</span>
      {service.priceCents !== null ? <span>{formatPrice(service.priceCents, locale)}</span> : null}
    </p>
  )
}
