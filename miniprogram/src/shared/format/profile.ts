/** Dev-login nicknames (H5): letters, digits, _ - and Chinese, 1–32 characters. */
export const NICKNAME_PATTERN = /^[A-Za-z0-9_\-\u4e00-\u9fff]{1,32}$/

export function nicknameError(nickname: string): string | null {
  if (!nickname) return '请输入昵称'
  if (nickname.length > 32) return '昵称最多 32 个字'
  if (!NICKNAME_PATTERN.test(nickname)) return '昵称只能包含中文、字母、数字、下划线和短横线'
  return null
}

/** What to call a member without a nickname. */
export const ANONYMOUS_NICKNAME = '微信用户'
