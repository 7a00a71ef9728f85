/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
    /** GraphQL server origin for the mini-program build (.env.*) */
    TARO_APP_API_BASE: string
    /** GraphQL server origin for the H5 build; empty = same origin (.env.*) */
    TARO_APP_H5_API_BASE: string
  }
}
