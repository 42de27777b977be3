package org.wiretrace.pipeline;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A {@link DataInput} over a byte array, reading what a {@link java.io.DataOutputStream} wrote
 * (big-endian, modified UTF-8): for the story state, tens of megabytes of ints and floats, which a
 * {@link DataInputStream} reads from its stream one byte at a time, each through a synchronized
 * buffer. Reading past the end throws {@link EOFException}. Not thread-safe.
 */
final class ByteArrayDataInput implements DataInput {
  private final ByteBuffer in;

  /** Reads {@code bytes[from, to)}. */
  ByteArrayDataInput(byte[] bytes, int from, int to) {
    if (from < 0 || to < from || to > bytes.length) {
      throw new IllegalArgumentException(
          "bad range [" + from + ", " + to + ") of " + bytes.length + " bytes");
    }
    in = ByteBuffer.wrap(bytes, from, to - from);
  }

  /** Bytes left to read. */
  int remaining() {
    return in.remaining();
  }

  private void need(int n) throws EOFException {
    if (in.remaining() < n) {
      throw new EOFException("the story state ends " + (n - in.remaining()) + " bytes early");
    }
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    need(len);
    in.get(b, off, len);
  }

  @Override
  public int skipBytes(int n) {
    int k = Math.max(0, Math.min(n, in.remaining()));
    in.position(in.position() + k);
    return k;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return readUnsignedByte() != 0;
  }

  @Override
  public byte readByte() throws IOException {
    need(1);
    return in.get();
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return readByte() & 0xFF;
  }

  @Override
  public short readShort() throws IOException {
    need(2);
    return in.getShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return readShort() & 0xFFFF;
  }

  @Override
  public char readChar() throws IOException {
    need(2);
    return in.getChar();
  }

  @Override
  public int readInt() throws IOException {
    try {
      return in.getInt();
    } catch (BufferUnderflowException e) {
      throw new EOFException("the story state ends early");
    }
  }

  @Override
  public long readLong() throws IOException {
    need(8);
    return in.getLong();
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** A line of bytes as {@link DataInputStream#readLine} reads it (each byte a char). */
  @Override
  public String readLine() {
    if (!in.hasRemaining()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    while (in.hasRemaining()) {
      char c = (char) (in.get() & 0xFF);
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        if (in.hasRemaining() && in.get(in.position()) == '\n') {
          in.get();
        }
        break;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  @Override
  public String readUTF() throws IOException {
    return DataInputStream.readUTF(this);
  }
}
