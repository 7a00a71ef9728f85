import { graphql, type RequestOptions } from '@/shared/graphql/client'

export interface User {
  id: string
  nickname: string | null
  avatarUrl: string | null
}

export interface LoginPayload {
  token: string
  user: User
}

const USER_FIELDS = 'id nickname avatarUrl'

export async function login(code: string): Promise<LoginPayload> {
  const data = await graphql<{ login: LoginPayload }>(
    `mutation Login($code: String!) { login(code: $code) { token user { ${USER_FIELDS} } } }`,
    { code },
  )
  return data.login
}

export async function fetchMe(): Promise<User | null> {
  const data = await graphql<{ me: User | null }>(`query Me { me { ${USER_FIELDS} } }`)
  return data.me
}

export async function updateProfile(
  profile: { nickname?: string; avatarUrl?: string },
  options?: RequestOptions,
): Promise<User> {
  const data = await graphql<{ updateProfile: User }>(
    `mutation UpdateProfile($nickname: String, $avatarUrl: String) {
      updateProfile(nickname: $nickname, avatarUrl: $avatarUrl) { ${USER_FIELDS} }
    }`,
    profile,
    options,
  )
  return data.updateProfile
}

/** Ends every session of the user on the server (all devices). */
export async function logout(): Promise<void> {
  await graphql<{ logout: boolean }>(`mutation Logout { logout }`)
}
