export default definePageConfig({
  navigationBarTitleText: '团购管理',
  enablePullDownRefresh: true,
})
