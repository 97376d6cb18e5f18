/**
 * A practitioner's portrait, or their initials in a circle when the clinic has not added one.
 * The picture is decorative beside the name, which is always written next to it.
 */
export function PractitionerAvatar({
  name,
  photoUrl,
  size = 'medium',
}: {
  name: string
  photoUrl: string | null
  size?: 'medium' | 'large'
}) {
  const className = `avatar avatar--${size}`
  if (photoUrl)
    return (
      <img
        className={className}
        src={photoUrl}
        alt=""
        width={size === 'large' ? 160 : 64}
        height={size === 'large' ? 160 : 64}
        loading="lazy"
        decoding="async"
      />
    )
  return (
    <span className={`${className} avatar--initials`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  )
}

/** "Dr Giulia Romano" → "GR": titles are skipped, the first and last names kept. */
export function initialsOf(name: string): string {
  const words = name
    .split(/\s+/)
    .filter((word) => word && !/^(dr|dott|dott\.ssa|prof)\.?$/i.test(word))
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words
  return picked.map((word) => word[0]!.toLocaleUpperCase()).join('')
}
