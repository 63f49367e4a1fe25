export { planName } from './plan-store.ts';
