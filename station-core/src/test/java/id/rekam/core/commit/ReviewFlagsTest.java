package id.rekam.core.commit;

import id.rekam.core.domain.Citizenship;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerException;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.photo.PhotoBackground;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The review's flags come from the capture rules: backdrop by birth year, fingers, an override. */
class ReviewFlagsTest {

    private final DemoRecords demo = new DemoRecords(3, "32.76.01.1008", "ST-327601-0001");

    static byte[] portrait(Color backdrop) throws Exception {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(backdrop);
        g.fillRect(0, 0, 300, 400);
        g.setColor(new Color(200, 160, 130));
        g.fillOval(90, 90, 120, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private EnrollmentRecord withBackdrop(boolean right) throws Exception {
        EnrollmentRecord r = demo.next();
        PhotoBackground required = PhotoBackground.required(r.demographics().citizenship() == Citizenship.WNA,
                r.demographics().birthDate()).orElseThrow();
        PhotoBackground shown = right ? required : required == PhotoBackground.BLUE ? PhotoBackground.RED : PhotoBackground.BLUE;
        return EnrollmentBuilder.from(r).photoJpeg(portrait(new Color(Integer.parseInt(shown.web().substring(1), 16))))
                .build();
    }

    @Test
    void aBackdropAgainstTheBirthYearRuleIsFlaggedAndNamed() throws Exception {
        ReviewFlags.Findings wrong = ReviewFlags.of(withBackdrop(false), false);
        assertThat(wrong.has(ReviewFlags.Flag.WRONG_BACKGROUND)).isTrue();
        assertThat(wrong.seen()).isPresent().get().isNotEqualTo(wrong.required());
        ReviewFlags.Findings right = ReviewFlags.of(withBackdrop(true), false);
        assertThat(right.has(ReviewFlags.Flag.WRONG_BACKGROUND)).isFalse();
        assertThat(right.seen()).contains(right.required());
    }

    @Test
    void fingersAndAnOverrideAreFlagged() throws Exception {
        EnrollmentRecord r = withBackdrop(true);
        List<FingerprintCapture> fingers = new ArrayList<>();
        for (FingerprintCapture f : r.fingerprints()) {
            if (f.position() == FingerPosition.LEFT_LITTLE) {
                fingers.add(FingerprintCapture.exception(f.position(), FingerException.BANDAGED, f.provenance()));
            } else if (f.position() == FingerPosition.RIGHT_INDEX && f.hasPrint()) {
                fingers.add(FingerprintCapture.print(f.position(), f.template(), f.image(), f.imageFormat(), 25,
                        f.provenance()));
            } else {
                fingers.add(f);
            }
        }
        EnrollmentRecord flagged = EnrollmentBuilder.from(r).fingerprints(fingers).build();
        assertThat(ReviewFlags.of(flagged, true).flags()).contains(ReviewFlags.Flag.FINGER_EXCEPTIONS,
                ReviewFlags.Flag.LOW_QUALITY_FINGERS, ReviewFlags.Flag.DUPLICATE_OVERRIDE);
        assertThat(ReviewFlags.of(EnrollmentBuilder.from(r).photoJpeg(new byte[] {1, 2, 3}).build(), false).flags())
                .contains(ReviewFlags.Flag.PHOTO_UNREADABLE);
    }
}
