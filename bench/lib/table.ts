/** Plain-text tables for the terminal: columns padded to their widest cell. */

export type Cell = string | number | null | undefined

/** A number with sensible digits for a table: big ones grouped, small ones with decimals. */
export function formatNumber(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  if (digits !== undefined) return value.toFixed(digits)
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  const abs = Math.abs(value)
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US')
  if (abs >= 100) return value.toFixed(0)
  if (abs >= 10) return value.toFixed(1)
  if (abs >= 1) return value.toFixed(2)
  if (abs === 0) return '0'
  return value.toPrecision(2)
}

export function renderTable(headers: string[], rows: Cell[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => toText(cell)))]
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => [...(row[column] ?? '')].length)),
  )
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const padding = ' '.repeat(widths[column]! - [...cell].length)
        // Numbers read best right-aligned, words left-aligned.
        return /^[-+]?[\d,.]+( ?[%×]| ?ms| ?KB)?$/.test(cell) ? padding + cell : cell + padding
      })
      .join('  ')
      .trimEnd()
  return [
    line(cells[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n')
}

function toText(cell: Cell): string {
  if (cell === null || cell === undefined) return '–'
  if (typeof cell === 'number') return formatNumber(cell)
  return cell
}
