// Origins come from the Taro env files (.env.development / .env.production).
// The H5 build is served by the GraphQL server itself, so an empty origin means same-origin.
const origin = process.env.TARO_ENV === 'h5' ? process.env.TARO_APP_H5_API_BASE : process.env.TARO_APP_API_BASE

/** The server's origin ('' in H5: same origin); server paths such as export files hang off it. */
export const API_BASE = (origin ?? '').replace(/\/+$/, '')

export const GRAPHQL_URL = `${API_BASE}/graphql`

export const REQUEST_TIMEOUT_MS = 15000

/** A server path (an export file's `/exports/<token>`) as a URL the phone can fetch; absolute URLs stay. */
export function absoluteApiUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${API_BASE}${url}`
}
