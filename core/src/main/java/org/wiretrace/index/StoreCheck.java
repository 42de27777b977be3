package org.wiretrace.index;

import static org.wiretrace.index.IndexFormat.KEY_FORMAT;
import static org.wiretrace.index.IndexFormat.OLDEST_READABLE;
import static org.wiretrace.index.IndexFormat.VERSION;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * What {@link ArticleIndex} checks before it opens a folder: that it is empty, or holds a commit of
 * a Wiretrace index in a format this version reads. Nothing is written. Stateless.
 */
final class StoreCheck {
  private StoreCheck() {}

  /**
   * Checks the folder: {@code null} when it holds no files (a new index may be created), else the
   * user data of its latest commit, whose format marker this version reads. Reads only the commit
   * point: the segments themselves are verified (headers, footers, segment infos) when the caller
   * opens its reader, whose corruption errors it reports through {@link #corrupt}.
   *
   * @throws IndexOpenException when the folder holds files but no commit, a commit this Lucene
   *     cannot read, no or a bad format marker, or a format outside {@link
   *     IndexFormat#OLDEST_READABLE} to {@link IndexFormat#VERSION}
   */
  static Map<String, String> committedData(Directory dir, Path path) throws IOException {
    String[] files = dir.listAll();
    boolean any = false;
    boolean segments = false;
    for (String f : files) {
      // a first commit cut short (the process killed while creating the index) leaves only its
      // pending_segments file: no commit ever completed, so there is nothing to protect
      if (f.equals(IndexWriter.WRITE_LOCK_NAME)
          || f.startsWith(".")
          || f.startsWith("pending_segments_")) {
        continue;
      }
      any = true;
      segments |= f.startsWith("segments_");
    }
    if (!any) {
      return null;
    }
    if (!segments) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          path,
          path
              + " holds files but no index commit (corrupt, or not a wiretrace index);"
              + " refusing to write over it. Restore it from a backup or choose another --data folder",
          null);
    }
    SegmentInfos infos;
    try {
      infos = SegmentInfos.readLatestCommit(dir);
    } catch (IndexFormatTooNewException e) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NEWER_FORMAT,
          path,
          path + " was written by a newer Lucene than this wiretrace uses; upgrade wiretrace",
          e);
    } catch (IndexFormatTooOldException e) {
      throw new IndexOpenException(
          IndexOpenException.Reason.CORRUPT,
          path,
          path + " was written by an unsupported old version",
          e);
    } catch (CorruptIndexException | EOFException | NoSuchFileException e) {
      throw corrupt(path, e);
    }
    Map<String, String> data = infos.getUserData();
    String format = data.get(KEY_FORMAT);
    if (format == null) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NOT_AN_INDEX,
          path,
          path
              + " is a Lucene index but not a wiretrace index (no format marker); refusing to use it",
          null);
    }
    int version;
    try {
      version = Integer.parseInt(format);
    } catch (NumberFormatException e) {
      throw corrupt(
          path, new CorruptIndexException("bad format marker '" + format + "'", path.toString()));
    }
    if (version < OLDEST_READABLE) {
      throw new IndexOpenException(
          IndexOpenException.Reason.OLDER_FORMAT,
          path,
          path
              + " has index format "
              + version
              + ", written by an older wiretrace that kept no relation or story records;"
              + " this version reads format "
              + OLDEST_READABLE
              + " to "
              + VERSION
              + ". Re-scan the inputs into a new --data folder (the index was not modified)",
          null);
    }
    if (version > VERSION) {
      throw new IndexOpenException(
          IndexOpenException.Reason.NEWER_FORMAT,
          path,
          path
              + " has index format "
              + version
              + ", written by a newer wiretrace; this version reads"
              + " format "
              + VERSION
              + " and older. Upgrade wiretrace (the index was not modified)",
          null);
    }
    return data;
  }

  /** The error for a corrupt index at {@code path}, found through {@code e}. */
  static IndexOpenException corrupt(Path path, Exception e) {
    return new IndexOpenException(
        IndexOpenException.Reason.CORRUPT,
        path,
        "the index at "
            + path
            + " is corrupt ("
            + e.getMessage()
            + "); it was not modified."
            + " Restore it from a backup, or move it aside and re-scan into a new --data folder",
        e);
  }
}
