package org.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The story state's array-backed {@link java.io.DataOutput} writes the bytes of a {@link
 * DataOutputStream}, and its {@link java.io.DataInput} reads them back.
 */
class ByteArrayDataTest {

  private static final String[] TEXTS = {"", "s-4f2a9c", "Zürich \u0000 \u20ac \uD83D\uDE00", "x"};

  private static void writeAll(DataOutput d) throws IOException {
    d.writeInt(-7);
    d.writeInt(Integer.MAX_VALUE);
    d.writeLong(Long.MIN_VALUE + 3);
    d.writeFloat(0.1f);
    d.writeDouble(Double.NaN);
    d.writeDouble(-2.5e-300);
    d.writeBoolean(true);
    d.writeByte(200);
    d.writeShort(-2);
    d.writeChar('\u20ac');
    for (String s : TEXTS) {
      d.writeUTF(s);
    }
    d.write(new byte[] {1, 2, 3}, 1, 2);
  }

  @Test
  void writesTheBytesOfADataOutputStreamAndReadsThemBack() throws IOException {
    ByteArrayOutputStream reference = new ByteArrayOutputStream();
    writeAll(new DataOutputStream(reference));
    ByteArrayDataOutput out = new ByteArrayDataOutput(1); // grows
    writeAll(out);
    byte[] written = Arrays.copyOf(out.array(), out.size());
    assertThat(written).isEqualTo(reference.toByteArray());

    ByteArrayDataInput in = new ByteArrayDataInput(written, 0, written.length);
    assertThat(in.readInt()).isEqualTo(-7);
    assertThat(in.readInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 3);
    assertThat(in.readFloat()).isEqualTo(0.1f);
    assertThat(in.readDouble()).isNaN();
    assertThat(in.readDouble()).isEqualTo(-2.5e-300);
    assertThat(in.readBoolean()).isTrue();
    assertThat(in.readUnsignedByte()).isEqualTo(200);
    assertThat(in.readShort()).isEqualTo((short) -2);
    assertThat(in.readChar()).isEqualTo('\u20ac');
    for (String s : TEXTS) {
      assertThat(in.readUTF()).isEqualTo(s);
    }
    assertThat(in.readUnsignedByte()).isEqualTo(2);
    assertThat(in.readUnsignedByte()).isEqualTo(3);
    assertThat(in.remaining()).isZero();
    assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
    assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new ByteArrayDataOutput(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteArrayDataInput(new byte[4], 3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
