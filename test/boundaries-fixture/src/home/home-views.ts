import { route } from './home-routes.ts';

export type HomeView = { shown: boolean };
export const views = [route];
