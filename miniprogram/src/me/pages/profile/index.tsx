export { default } from '@/features/session/pages/profile'
