export default definePageConfig({
  navigationBarTitleText: '邀请与入群方式',
  enablePullDownRefresh: true,
})
