/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 keeps a substring as a view of its
 * parent, so a cache key cut from a value that was itself cut from a 1 MB input chunk would keep the whole chunk
 * alive, and a cache of many such keys could keep most of a file in memory. Every long-lived key made from input
 * text goes through this.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}
