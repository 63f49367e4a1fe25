export function mapName(): string {
  return 'map';
}
