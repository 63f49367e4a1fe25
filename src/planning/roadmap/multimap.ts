// Lists gathered by key, in the order they come: the shape every roadmap
// view groups initiatives and their links in.

/** Adds `value` to the list under `key`, starting the list if there is none. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
