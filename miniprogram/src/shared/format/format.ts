/** 2025-11-21T08:00:00.000Z → 2025-11-21 (local date) */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The first visible character of a name, for avatar placeholders. */
export function initialOf(name: string | null | undefined): string {
  const trimmed = (name ?? '').trim()
  return trimmed ? Array.from(trimmed)[0].toUpperCase() : '友'
}

/** 2025-11-21T08:05:00.000Z → 2025-11-21 16:05 (local time) */
export function formatDateTime(iso: string | null | undefined): string {
  const date = formatDate(iso)
  if (!date) return ''
  const time = new Date(iso!)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date} ${pad(time.getHours())}:${pad(time.getMinutes())}`
}
