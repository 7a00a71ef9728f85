export { default } from '@/features/members/pages/members'
