export default definePageConfig({
  navigationBarTitleText: '已发放的券',
  enablePullDownRefresh: true,
})
