export { default } from '@/features/invite/pages/invite'
