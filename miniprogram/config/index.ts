import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import type Chain from 'webpack-chain'

/** The generated GraphQL modules ship their documents as plain minified strings (config/compact-documents-loader.js). */
function compactGeneratedDocuments(chain: Chain) {
  chain.module
    .rule('compact-generated-documents')
    .test(/\.generated\.ts$/)
    .enforce('pre')
    .use('compact-documents')
    .loader(path.resolve(__dirname, 'compact-documents-loader.js'))
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qunyou',
    date: '2025-11-21',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // QY_OUTPUT_ROOT: the development-build test writes elsewhere, leaving dist/ to the production build.
    outputRoot: process.env.QY_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Mini-program templates: one set per tree level in base.wxml; deeper trees continue in the recursive
    // `comp` component. 8 levels instead of Taro's 16 take about 22 kB off the main package (H5 has no templates).
    baseLevel: 8,
    // Chinese text in the minified JS as UTF-8 (3 bytes a character) instead of the \uXXXX escapes (6 bytes) that
    // Taro's mini-program terser options ask for: about 10 kB of the main package. (H5 already prints UTF-8.)
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Components used only by the admin subpackage stay in the subpackage.
      optimizeMainPackage: { enable: true },
      // Every component's classes are prefixed (qy-<component>__…), so CSS order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        compactGeneratedDocuments(chain)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // --qy-text-scale: the 1.5× text check of the browser suite (config/postcss-text-scale.js).
        './config/postcss-text-scale.js': { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        compactGeneratedDocuments(chain)
        // Taro splits only initial chunks; pages are async chunks, so without this every page
        // bundles its own copy of the shared components and hooks.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
        chain.performance.hints(false)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
