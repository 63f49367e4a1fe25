export { mapName } from './map-store.ts';
