/**
 * Keeps `value` as the newest entry of `map` under `key`, first forgetting the oldest entries
 * so the map holds at most `limit`: what a process remembers of chats, people or clients,
 * kept to a bound however many it meets.
 */
export function rememberAtMost<K, V>(map: Map<K, V>, limit: number, key: K, value: V): void {
  map.delete(key);
  for (const oldest of map.keys()) {
    if (map.size < limit) break;
    map.delete(oldest);
  }
  map.set(key, value);
}
