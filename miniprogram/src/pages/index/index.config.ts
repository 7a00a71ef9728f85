export default definePageConfig({
  navigationBarTitleText: '群友',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
