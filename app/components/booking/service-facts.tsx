import { formatPrice } from '#app/utils/format.ts'

/** A treatment's kind or tier, length and price, as patients see them in the treatment lists. */
export function ServiceFacts({
  service,
}: {
  service: { kind: string; tier: string; durationMinutes: number; priceCents: number | null }
}) {
  return (
    <p className="cluster">
      <span className={`badge badge--${service.tier}`}>
        {service.kind === 'consultation'
          ? 'Consultation'
          : service.tier === 'medical'
            ? 'Medical'
            : 'Cosmetic'}
      </span>
      <span>{service.durationMinutes} minutes</span>
      {service.priceCents !== null ? <span>{formatPrice(service.priceCents)}</span> : null}
    </p>
  )
}
