// The demo workspace, Sumwhere: its agencies, accounts, rounds, answers and workshop.
export { isEmpty, loadDemo } from './load-demo.ts';
export type { SumwhereDemo } from './sumwhere.ts';
