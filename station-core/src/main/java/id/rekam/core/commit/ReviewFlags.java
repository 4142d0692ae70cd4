package id.rekam.core.commit;

import id.rekam.core.domain.Citizenship;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.photo.PhotoBackground;
import id.rekam.core.photo.PhotoQuality;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a supervisor must look at before approving a record, by the same rules the desk applied
 * while capturing: a photo whose backdrop breaks the birth-year rule (the desk keeps it with a
 * warning, which nobody saw again), fingers recorded as exceptions or accepted below the quality
 * threshold, a possible duplicate saved by a supervisor's override. Shown at the desk's review
 * step and on the approval screen, so both say the same.
 */
public final class ReviewFlags {

    /** The quality below which a finger counts as weak (the desk retries below it). */
    public static final int MIN_FINGER_QUALITY = 40;

    public enum Flag {
        /** The backdrop is not the colour the birth year (or WNA) asks for. */
        WRONG_BACKGROUND,
        /** The stored photo does not decode as an image. */
        PHOTO_UNREADABLE,
        /** One or more fingers recorded as an exception (missing, bandaged …). */
        FINGER_EXCEPTIONS,
        /** One or more fingers accepted after three tries below the quality threshold. */
        LOW_QUALITY_FINGERS,
        /** Saved despite a possible duplicate, by a supervisor's override. */
        DUPLICATE_OVERRIDE,
        /** The citizen could not sign: the record carries no signature. */
        NO_SIGNATURE
    }

    /**
     * @param required the backdrop the rule asks for this citizen
     * @param seen     the backdrop measured on the photo; empty when none of the three colours
     */
    public record Findings(List<Flag> flags, PhotoBackground required, Optional<PhotoBackground> seen) {
        public boolean has(Flag f) {
            return flags.contains(f);
        }
    }

    private ReviewFlags() {
    }

    /** @param overridden the record was saved under a duplicate override */
    public static Findings of(EnrollmentRecord record, boolean overridden) {
        List<Flag> flags = new ArrayList<>();
        var d = record.demographics();
        PhotoBackground required = PhotoBackground.required(d.citizenship() == Citizenship.WNA, d.birthDate())
                .orElseThrow();
        Backdrop backdrop = backdrop(record.photo().jpeg(), required);
        if (!backdrop.readable()) {
            flags.add(Flag.PHOTO_UNREADABLE);
        } else if (!backdrop.follows()) {
            flags.add(Flag.WRONG_BACKGROUND);
        }
        Optional<PhotoBackground> seen = backdrop.seen();
        List<FingerprintCapture> fingers = record.fingerprints();
        if (fingers.stream().anyMatch(f -> !f.hasPrint())) {
            flags.add(Flag.FINGER_EXCEPTIONS);
        }
        if (fingers.stream().anyMatch(f -> f.hasPrint() && f.quality() < MIN_FINGER_QUALITY)) {
            flags.add(Flag.LOW_QUALITY_FINGERS);
        }
        if (overridden) {
            flags.add(Flag.DUPLICATE_OVERRIDE);
        }
        if (id.rekam.core.signature.CannotSign.is(record.signature())) {
            flags.add(Flag.NO_SIGNATURE);
        }
        return new Findings(List.copyOf(flags), required, seen);
    }

    /**
     * A photo's backdrop against the rule.
     *
     * @param seen     the colour class measured; empty when none of the three (or unreadable)
     * @param readable whether the photo decodes at all
     */
    public record Backdrop(PhotoBackground required, Optional<PhotoBackground> seen, boolean readable) {
        public boolean follows() {
            return readable && seen.filter(required::equals).isPresent();
        }
    }

    /** The backdrop of a stored photo (JPEG) against the one the rule asks for. */
    public static Backdrop backdrop(byte[] jpeg, PhotoBackground required) {
        BufferedImage photo = decode(jpeg);
        if (photo == null) {
            return new Backdrop(required, Optional.empty(), false);
        }
        PhotoQuality.Verdict v = PhotoQuality.judge(photo, required);
        return new Backdrop(required, Optional.ofNullable(v.background()), true);
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return jpeg == null ? null : ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
