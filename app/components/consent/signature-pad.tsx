import { useEffect, useId, useRef, useState } from 'react'
import { FieldError } from '#app/components/forms/fields.tsx'
import { useT } from '#app/i18n/locale-context.tsx'
import { consentMessages } from '#app/i18n/messages/index.ts'

type Pad = {
  clear: () => void
  isEmpty: () => boolean
  toDataURL: (type?: string) => string
  off: () => void
  addEventListener: (type: string, listener: () => void) => void
}

/**
 * An optional drawn signature, added with JavaScript only: a canvas (signature_pad) that writes a
 * PNG data URL into a hidden field. Without JavaScript, or for keyboard users, the typed name is
 * the signature and nothing here shows.
 */
export function SignaturePadField({ name, error }: { name: string; error?: string }) {
  const t = useT(consentMessages)
  const id = useId()
  const [enhanced, setEnhanced] = useState(false)
  // The drawing as a PNG data URL; '' when there is none.
  const [dataUrl, setDataUrl] = useState('')
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const padRef = useRef<Pad | null>(null)

  useEffect(() => setEnhanced(true), [])

  useEffect(() => {
    if (!enhanced) return
    let cancelled = false
    void import('signature_pad').then(({ default: SignaturePad }) => {
      const canvas = canvasRef.current
      if (cancelled || !canvas) return
      // Draw at the screen's pixel density; sizes are set as attributes, never as styles (CSP).
      const ratio = Math.max(window.devicePixelRatio || 1, 1)
      canvas.width = canvas.offsetWidth * ratio
      canvas.height = canvas.offsetHeight * ratio
      canvas.getContext('2d')?.scale(ratio, ratio)
      const pad = new SignaturePad(canvas, { penColor: '#1d2327', minWidth: 1, maxWidth: 2.5 })
      pad.addEventListener('endStroke', () => setDataUrl(pad.toDataURL('image/png')))
      padRef.current = pad
    })
    return () => {
      cancelled = true
      padRef.current?.off()
      padRef.current = null
    }
  }, [enhanced])

  function clear() {
    padRef.current?.clear()
    setDataUrl('')
  }

  return (
    <>
      <input type="hidden" name={name} value={dataUrl} />
      {enhanced ? (
        <fieldset
          className="signature-pad"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        >
          <legend>{t('drawLegend')}</legend>
          <p id={`${id}-hint`} className="hint">
            {t('drawHint')}
          </p>
          <canvas
            ref={canvasRef}
            className="signature-pad__canvas"
            role="img"
            aria-label={t('drawArea')}
          />
          <p className="cluster">
            <button type="button" className="button button--secondary" onClick={clear}>
              {t('clearDrawing')}
            </button>
            <span role="status" className="muted">
              {dataUrl ? t('drawAdded') : ''}
            </span>
          </p>
          <FieldError id={`${id}-error`} error={error} />
        </fieldset>
      ) : null}
    </>
  )
}
