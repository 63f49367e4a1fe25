// Breaks no-cycles through a type-only import (home-views.ts imports this file back).
import type { HomeView } from './home-views.ts';

export const route: HomeView | undefined = undefined;
