package org.wiretrace.pipeline;

import java.io.DataOutput;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A {@link DataOutput} into a growing byte array, writing exactly the bytes a {@link
 * java.io.DataOutputStream} writes (big-endian, modified UTF-8): for the story state, tens of
 * megabytes of ints and floats, each of which a {@code DataOutputStream} hands to its stream in a
 * synchronized call of its own (over an unsynchronized stream still 1.6 to 3 times slower than
 * this, measured on a 31 MB state). Not thread-safe.
 */
final class ByteArrayDataOutput implements DataOutput {
  private byte[] bytes;
  private int size;

  /** An output with room for {@code capacity} bytes before it grows. */
  ByteArrayDataOutput(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    bytes = new byte[capacity];
  }

  /** The bytes written so far (the array itself, valid up to {@link #size}). */
  byte[] array() {
    return bytes;
  }

  /** How many bytes were written. */
  int size() {
    return size;
  }

  private void room(int n) {
    if (size + n > bytes.length) {
      long want = Math.max((long) bytes.length * 2, (long) size + n);
      if (want > Integer.MAX_VALUE - 16) {
        throw new OutOfMemoryError("story state over 2 GB");
      }
      bytes = Arrays.copyOf(bytes, (int) want);
    }
  }

  @Override
  public void write(int b) {
    room(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    room(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    room(2);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    room(4);
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  @Override
  public void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    room(s.length());
    for (int i = 0; i < s.length(); i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** Modified UTF-8 with a two-byte length, as {@link java.io.DataOutputStream#writeUTF}. */
  @Override
  public void writeUTF(String s) throws UTFDataFormatException {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c >= 0x0001 && c <= 0x007F ? 1 : c > 0x07FF ? 3 : 2;
    }
    if (n > 0xFFFF) {
      throw new UTFDataFormatException("encoded string too long: " + n + " bytes");
    }
    writeShort(n);
    room(n);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x0001 && c <= 0x007F) {
        bytes[size++] = (byte) c;
      } else if (c > 0x07FF) {
        bytes[size++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else {
        bytes[size++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }
}
