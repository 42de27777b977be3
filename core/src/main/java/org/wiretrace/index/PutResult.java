package org.wiretrace.index;

/** What {@link ArticleIndex#put} did with an article. */
public enum PutResult {
  /** The id was new. */
  ADDED,
  /** The id was known with different content; the old version was replaced atomically. */
  REPLACED,
  /** The id was known with the same content hash; nothing was written. */
  UNCHANGED
}
