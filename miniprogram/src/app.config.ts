export default defineAppConfig({
  pages: ['pages/index/index', 'pages/community-create/index'],
  // Admin pages are not needed on the first screen: keep them out of the main package.
  subPackages: [
    {
      root: 'admin',
      pages: ['pages/community/index', 'pages/members/index'],
    },
  ],
  window: {
    navigationBarBackgroundColor: '#f4f5f7',
    navigationBarTitleText: '群友',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
    backgroundTextStyle: 'dark',
  },
})
