const pad = (value: number) => String(value).padStart(2, '0')

/** 93784000 → "1天 02:03:04"; under a day "02:03:04". */
export function countdownText(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000))
  const days = Math.floor(total / 86400)
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
  return days > 0 ? `${days}天 ${clock}` : clock
}
