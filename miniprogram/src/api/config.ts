// Origins come from the Taro env files (.env.development / .env.production).
// The H5 build is served by the GraphQL server itself, so an empty origin means same-origin.
const origin = process.env.TARO_ENV === 'h5' ? process.env.TARO_APP_H5_API_BASE : process.env.TARO_APP_API_BASE

export const GRAPHQL_URL = `${(origin ?? '').replace(/\/+$/, '')}/graphql`

export const REQUEST_TIMEOUT_MS = 15000
