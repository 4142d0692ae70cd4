package id.rekam.devices.scanner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class R30xFrameTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void genImgMatchesTheReferenceExample() throws Exception {
        byte[] encoded = R30xFrame.command(R30xFrame.DEFAULT_ADDRESS, R30xScanner.GEN_IMG).encode();
        assertThat(HEX.formatHex(encoded)).isEqualTo("EF01FFFFFFFF010003010005");

        R30xFrame decoded = R30xFrame.decode(HEX.parseHex("EF01FFFFFFFF010003010005"));
        assertThat(decoded.pid()).isEqualTo(R30xFrame.PID_COMMAND);
        assertThat(decoded.code()).isEqualTo(R30xScanner.GEN_IMG);
        assertThat(decoded.address()).isEqualTo(0xFFFFFFFF);
        assertThat(decoded.checksum()).isEqualTo(0x0005);
    }

    @Test
    void checksumIsLow16BitsOfPidLengthAndPayload() {
        byte[] payload = new byte[300];
        java.util.Arrays.fill(payload, (byte) 0xFF);
        // 0x02 + 0x01 + 0x2E (length 302 = 0x012E) + 300 × 0xFF = 76,549 = 0x12B05: the carry is dropped.
        assertThat(R30xFrame.checksum(0x02, 302, payload)).isEqualTo(0x2B05);
    }

    @Test
    void readSysParaWithPasswordAddress() throws Exception {
        R30xFrame f = R30xFrame.command(0x12345678, R30xScanner.READ_SYS_PARA);
        assertThat(HEX.formatHex(f.encode())).isEqualTo("EF0112345678010003" + "0F" + "0013");
    }

    @Test
    void badChecksumIsRejected() {
        byte[] bad = HEX.parseHex("EF01FFFFFFFF010003010006");
        assertThatThrownBy(() -> R30xFrame.decode(bad)).isInstanceOf(R30xException.Checksum.class)
                .hasMessageContaining("0005").hasMessageContaining("0006");
    }

    @Test
    void truncatedOrMislabelledFramesAreRejected() {
        assertThatThrownBy(() -> R30xFrame.decode(HEX.parseHex("EF01FFFFFFFF0100"))).isInstanceOf(R30xException.Protocol.class);
        assertThatThrownBy(() -> R30xFrame.decode(HEX.parseHex("EF02FFFFFFFF010003010005"))).isInstanceOf(R30xException.Protocol.class);
        assertThatThrownBy(() -> R30xFrame.decode(HEX.parseHex("EF01FFFFFFFF01000501000500"))).isInstanceOf(R30xException.Protocol.class);
    }

    @Property(tries = 300)
    void encodeThenDecodeIsIdentity(@ForAll int address, @ForAll("pids") int pid, @ForAll("payloads") byte[] payload)
            throws Exception {
        R30xFrame frame = new R30xFrame(address, pid, payload);
        byte[] bytes = frame.encode();
        assertThat(bytes).hasSize(R30xFrame.HEADER_SIZE + payload.length + 2);
        assertThat(R30xFrame.decode(bytes)).isEqualTo(frame);
    }

    @Property(tries = 300)
    void anySingleByteFlipInTheBodyIsDetected(@ForAll("payloads") byte[] payload, @ForAll @IntRange(min = 0, max = 10_000) int where,
                                              @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] bytes = new R30xFrame(R30xFrame.DEFAULT_ADDRESS, R30xFrame.PID_DATA, payload).encode();
        // Flip within pid..checksum; a flip in the length field changes the frame's shape instead.
        int index = 9 + where % (bytes.length - 9);
        bytes[index] ^= (byte) flip;
        assertThatThrownBy(() -> R30xFrame.decode(bytes)).isInstanceOf(R30xException.class);
    }

    @Property(tries = 100)
    void readerResynchronisesAfterGarbage(@ForAll("payloads") byte[] garbage, @ForAll("payloads") byte[] payload) throws Exception {
        PipeTransport[] line = PipeTransport.pair("test");
        R30xFrame frame = new R30xFrame(R30xFrame.DEFAULT_ADDRESS, R30xFrame.PID_ACK, payload);
        line[1].write(stripFrameStarts(garbage));
        line[1].write(frame.encode());
        assertThat(new R30xFrameReader(line[0]).read(java.time.Duration.ofSeconds(1))).isEqualTo(frame);
    }

    /** Garbage that itself contains EF01 would legitimately look like a frame start. */
    private static byte[] stripFrameStarts(byte[] garbage) {
        byte[] g = garbage.clone();
        for (int i = 0; i < g.length; i++) {
            if ((g[i] & 0xFF) == 0xEF) {
                g[i] = 0x00;
            }
        }
        return g;
    }

    @Provide
    Arbitrary<Integer> pids() {
        return Arbitraries.of(R30xFrame.PID_COMMAND, R30xFrame.PID_DATA, R30xFrame.PID_ACK, R30xFrame.PID_END_DATA);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    }
}
