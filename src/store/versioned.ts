/** A stored value with the ETag it was read at, for optimistic concurrency. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}
