package id.rekam.devices.signature;

import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.SignatureCapture;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureTest {

    private static SignatureStrokes square() {
        SignatureRecorder r = new SignatureRecorder(400, 300);
        r.penDown(100, 100, 1_000);
        r.penMove(200, 100, 1_040);
        r.penMove(200, 200, 1_080);
        r.penMove(100, 200, 1_120);
        r.penMove(100, 100, 1_160);
        r.penUp();
        r.penDown(150, 150, 1_300);
        r.penUp();
        return r.strokes();
    }

    @Test
    void recorderKeepsStrokesWithRelativeTimesAndClampsToThePad() {
        SignatureRecorder r = new SignatureRecorder(400, 300);
        r.penDown(10, 10, 5_000);
        r.penMove(500, -20, 5_016);
        r.penUp();
        r.penMove(1, 1, 5_020);
        SignatureStrokes s = r.strokes();
        assertThat(s.strokes()).hasSize(1);
        assertThat(s.strokes().get(0).points()).containsExactly(new PenPoint(10, 10, 0), new PenPoint(400, 0, 16));
        r.undoLastStroke();
        assertThat(r.strokes().isEmpty()).isTrue();
    }

    @Test
    void jsonHasTheDocumentedShape() {
        SignatureRecorder r = new SignatureRecorder(600, 240);
        r.penDown(1.234, 2, 0);
        r.penMove(3, 4.5, 12);
        assertThat(SignatureJson.write(r.strokes()))
                .isEqualTo("{\"format\":\"rekam-signature/1\",\"width\":600.0,\"height\":240.0,\"strokes\":[[[1.23,2.0,0],[3.0,4.5,12]]]}");
    }

    @Property(tries = 200)
    void jsonRoundTrips(@ForAll("signatures") SignatureStrokes s) {
        assertThat(SignatureJson.read(SignatureJson.write(s))).isEqualTo(s);
    }

    @Test
    void malformedJsonIsRejectedClearly() {
        assertThatThrownBy(() -> SignatureJson.read("{")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureJson.read("{\"format\":\"other\"}")).hasMessageContaining("not a rekam-signature/1");
        assertThatThrownBy(() -> SignatureJson.read("{\"format\":\"rekam-signature/1\",\"width\":1,\"height\":1,\"strokes\":[[[1,2]]]}"))
                .hasMessageContaining("[x, y, t]");
        assertThatThrownBy(() -> SignatureJson.read("{\"format\":\"rekam-signature/1\",\"width\":1,\"height\":1,\"strokes\":[[]]}"))
                .hasMessageContaining("at least one point");
    }

    @Test
    void rendersFixedSizeTransparentAntiAliasedWithAspectKept() throws Exception {
        byte[] png = new SignatureRenderer().png(square(), 600, 240, SignatureRenderer.Background.TRANSPARENT);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(240);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(alpha(img, 0, 0)).isZero();

        int minX = Integer.MAX_VALUE, maxX = -1, minY = Integer.MAX_VALUE, maxY = -1, partial = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int a = alpha(img, x, y);
                if (a > 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    if (a < 255) {
                        partial++;
                    }
                }
            }
        }
        int inkW = maxX - minX;
        int inkH = maxY - minY;
        assertThat((double) inkW / inkH).as("a square stays square").isBetween(0.95, 1.05);
        assertThat(inkH).as("fills the height less margins").isBetween(190, 240);
        assertThat((minX + maxX) / 2).as("centred").isBetween(295, 305);
        assertThat(partial).as("anti-aliased edges").isGreaterThan(50);
        assertThat(alpha(img, 300, 120)).as("the single dot in the middle").isEqualTo(255);
    }

    @Test
    void whiteBackgroundAndEmptySignature() throws Exception {
        SignatureStrokes empty = new SignatureStrokes(400, 300, List.of());
        BufferedImage img = new SignatureRenderer().render(empty, 300, 100, SignatureRenderer.Background.WHITE);
        assertThat(img.getRGB(150, 50)).isEqualTo(0xFFFFFFFF);
        assertThatThrownBy(() -> Signatures.capture(empty, ref(), "op", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void captureKeepsPngAndVectors() throws Exception {
        SignatureCapture c = Signatures.capture(square(), ref(), "op-1", Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(SignatureJson.read(c.strokesJson())).isEqualTo(square());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertThat(img.getWidth()).isEqualTo(SignatureRenderer.DEFAULT_WIDTH);
        assertThat(c.provenance().device().kind()).isEqualTo("signature-pad");
    }

    private static DeviceRef ref() {
        return new DeviceRef("sig-screen-1", "signature-pad", "on-screen pad", "", "Kec. Tanara", false);
    }

    private static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    @Provide
    Arbitrary<SignatureStrokes> signatures() {
        Arbitrary<PenPoint> point = Combinators.combine(
                Arbitraries.integers().between(0, 60_000).map(i -> i / 100.0),
                Arbitraries.integers().between(0, 24_000).map(i -> i / 100.0),
                Arbitraries.longs().between(0, 600_000)).as(PenPoint::new);
        Arbitrary<PenStroke> stroke = point.list().ofMinSize(1).ofMaxSize(30).map(PenStroke::new);
        return stroke.list().ofMaxSize(8).map(l -> new SignatureStrokes(600, 240, l));
    }
}
