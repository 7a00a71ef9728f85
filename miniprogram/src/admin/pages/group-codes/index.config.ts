export default definePageConfig({
  navigationBarTitleText: '群活码',
  enablePullDownRefresh: true,
})
