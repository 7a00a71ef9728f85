export { default } from '@/features/signup/admin/pages/signups'
