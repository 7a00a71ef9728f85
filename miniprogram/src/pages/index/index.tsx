export { default } from '@/features/community/pages/home'
