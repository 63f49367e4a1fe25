// Crosswalks: lenses (named lists of dimensions with no items) and crosswalks
// (one framework's items and sub-dimensions mapped onto another framework's
// or a lens's dimensions), and any round's results read through them under
// the results' small-number protection: a page, its downloads and the API.
import type { Feature } from '../../platform/http/feature.ts';
import { crosswalkApi } from './crosswalk-api.ts';
import { crosswalkRoutes } from './crosswalk-routes.tsx';

export const crosswalks: Feature = {
  name: 'crosswalks',
  async register(app, deps) {
    await crosswalkRoutes(app, deps);
    await crosswalkApi(app, deps);
  },
};

export { installReferenceCrosswalks } from './import-crosswalk.ts';
