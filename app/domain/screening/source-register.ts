/**
 * The source register: every tag a screening rule cites, with a short name in words and its
 * tier (docs/clinical-reference.md section 1.3). Clinicians read the names beside the tags on the
 * review page; admins may cite only these tags when they publish a rule set. Client-safe data.
 *
 * Tiers: A regulators and law; B peer-reviewed reviews, trials, professional bodies; C device
 * labelling and manuals; D clinic and vendor pages (what practices do, not evidence); R scope of
 * practice and UK regulation.
 */
export type SourceTier = 'A' | 'B' | 'C' | 'D' | 'R'

export type Source = { tag: string; tier: SourceTier; name: string }

const LIST: readonly Source[] = [
  { tag: 'A-1', tier: 'A', name: 'FDA consumer page on microneedling devices' },
  { tag: 'A-7', tier: 'A', name: 'FDA authorisation records for SkinPen (ages 22 and over)' },
  { tag: 'B-2', tier: 'B', name: 'Chu et al., systematic review, Dermatol Surg 2021' },
  { tag: 'B-4', tier: 'B', name: 'Juhasz and Cohen, microneedling for scars, review 2020' },
  { tag: 'B-11', tier: 'B', name: 'Cohen and Elbuluk, microneedling in skin of colour, JAAD 2016' },
  {
    tag: 'B-12',
    tier: 'B',
    name: 'ASDS task force consensus on procedures after isotretinoin, 2017',
  },
  { tag: 'B-13', tier: 'B', name: 'Dermatologist commentary on microneedling and isotretinoin' },
  { tag: 'B-14', tier: 'B', name: 'ACS(I) guidelines on procedures during isotretinoin' },
  { tag: 'B-16', tier: 'B', name: 'Commentary on microneedling in nickel-allergic patients' },
  { tag: 'B-17', tier: 'B', name: 'Review of topical anaesthetics for skin procedures' },
  { tag: 'B-20', tier: 'B', name: 'Review of medical and aesthetic microneedling uses' },
  { tag: 'B-21', tier: 'B', name: 'Book chapter on microneedling in skin of colour' },
  { tag: 'C-SP1', tier: 'C', name: 'SkinPen device labelling (manufacturer)' },
  { tag: 'C-SP3', tier: 'C', name: 'SkinPen patient labelling glossary (manufacturer)' },
  { tag: 'C-DP', tier: 'C', name: 'Dermapen 4 user manual (manufacturer)' },
  { tag: 'C-IM', tier: 'C', name: 'Radio-frequency microneedling device manual (manufacturer)' },
  { tag: 'R-5', tier: 'R', name: 'England consultation on licensing cosmetic procedures, 2023' },
  { tag: 'R-7', tier: 'R', name: 'Scottish proposals for regulating cosmetic procedures' },
  ...Array.from({ length: 39 }, (_, i): Source => ({
    tag: `D-${i + 1}`,
    tier: 'D',
    name: 'Clinic practice pages',
  })),
]

/** Tag → source, in the order of the register. */
export const SOURCE_REGISTER: ReadonlyMap<string, Source> = new Map(
  LIST.map((source) => [source.tag, source]),
)

/** The tags of a rule's source list ("C-SP1, C-DP"), in the order written. */
export function sourceTags(sources: string): string[] {
  return sources
    .split(/[\s,;]+/)
    .map((tag) => tag.trim().toUpperCase())
    .filter(Boolean)
}

/**
 * A rule's sources in words for a clinician: each named source once, then the clinic pages as
 * one group ("clinic practice pages (D-1, D-3)"), since they show practice, not evidence.
 */
export function describeSources(sources: string): string {
  const tags = sourceTags(sources)
  const named = tags.filter((tag) => SOURCE_REGISTER.get(tag)?.tier !== 'D')
  const clinics = tags.filter((tag) => SOURCE_REGISTER.get(tag)?.tier === 'D')
  const parts = named.map((tag) => {
    const source = SOURCE_REGISTER.get(tag)
    return source ? `${source.name} (${tag})` : tag
  })
  if (clinics.length > 0) parts.push(`clinic practice pages (${clinics.join(', ')})`)
  return parts.join('; ')
}
