/**
 * Where an avatar may be loaded from until avatars are uploaded to our own media store: WeChat's own
 * avatar CDN, which every WeChat client loads anyway. Any other host would be fetched by the phone of
 * every member who sees a 接龙 list or a sign-up list — a tracking pixel — so updateProfile refuses it.
 */
export const AVATAR_HOSTS = ['thirdwx.qlogo.cn', 'wx.qlogo.cn'];
