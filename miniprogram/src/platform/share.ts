
export const HOME_PATH = '/pages/index/index'

/** The page path that opens a community: links, QR codes and share cards all use it. */
export function joinPath(joinCode: string): string {
  return `${HOME_PATH}?c=${encodeURIComponent(joinCode)}`
}

/** The link to paste outside WeChat (H5 build, hash router). */
export function h5JoinUrl(joinCode: string): string {
  const origin = typeof window !== 'undefined' ? window.location.origin : ''
  return `${origin}/#${joinPath(joinCode)}`
}

export function shareTitle(community: { name: string }): string {
  return `邀请你加入「${community.name}」`
}

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The join code a page was opened with: `?c=<code>` from links and share cards, or
 * `?scene=c%3D<code>` from mini-program QR codes.
 */
export function joinCodeFromParams(params: Partial<Record<string, string>>): string | null {
  if (params.c) return safeDecode(params.c).trim() || null
  if (params.scene) {
    const scene = safeDecode(params.scene)
    const match = /(?:^|&)c=([^&]+)/.exec(scene)
    return match ? match[1] : null
  }
  return null
}
