export default definePageConfig({
  navigationBarTitleText: '发布报名',
})
