package id.rekam.app.cases;

import id.rekam.app.cards.SamplePrintScanner;
import id.rekam.core.cards.FingerprintVerifier;
import id.rekam.core.commit.ApprovalMode;
import id.rekam.core.commit.CaptureCommit;
import id.rekam.core.commit.DuplicateOverride;
import id.rekam.core.domain.Address;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.store.StationStore;
import id.rekam.core.verdict.ServerVerdict;
import id.rekam.fixtures.DemoRecords;
import id.rekam.fixtures.EnrollmentBuilder;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** People recorded twice on a Kemalang (Klaten) station, with real sample prints and a painted portrait each. */
final class CaseUiFixtures {

    static final String DISTRICT = "33.10.21";
    static final String TLOGOWATU = "33.10.21.2007";
    static final String BAWUKAN = "33.10.21.2001";
    static final byte[] MATCHING = FingerprintVerifier.templateFromImage(SamplePrintScanner.read("matching.png"), 500);
    static final byte[] PROBE = FingerprintVerifier.templateFromImage(SamplePrintScanner.read("probe.png"), 500);

    private CaseUiFixtures() {
    }

    /** The earlier record, then the same person recorded again, saved under a supervisor's override naming it. */
    static EnrollmentRecord[] overridden(StationStore store, long seed, String movedTo, Color shirt) {
        return overridden(store, "spv1", seed, movedTo, shirt);
    }

    static EnrollmentRecord[] overridden(StationStore store, String supervisor, long seed, String movedTo, Color shirt) {
        DemoRecords demo = new DemoRecords(seed, TLOGOWATU, store.stationId());
        EnrollmentRecord first = withPrint(demo.next(), MATCHING, portrait(shirt, 0));
        store.saveEnrollment(first);
        Demographics d = first.demographics();
        Demographics moved = movedTo == null ? d : new Demographics(d.nik(), d.fullName(), d.birthPlace(),
                d.birthDate(), d.gender(), d.bloodType(), new Address("Dusun Ngemplak Kidul", "003", "001", movedTo,
                "Bawukan", "Kemalang", "Kabupaten Klaten", "Jawa Tengah"), d.religion(), d.maritalStatus(),
                d.occupation(), d.citizenship());
        EnrollmentRecord second = EnrollmentBuilder.from(withPrint(demo.next(), PROBE, portrait(shirt, 8)))
                .demographics(moved).build();
        store.captures().commit(CaptureCommit.of(second, ApprovalMode.END_OF_DAY).withOverride(
                new DuplicateOverride(supervisor, "sidik jari mirip; warga menyatakan pindah dari desa lain",
                        List.of(new DuplicateOverride.Candidate(first.id(), List.of(
                                new ServerVerdict.FingerScore(FingerPosition.RIGHT_INDEX, 112.6, true),
                                new ServerVerdict.FingerScore(FingerPosition.LEFT_INDEX, 21.3, false)))))));
        return new EnrollmentRecord[] {first, second};
    }

    /** Two different people the check confused: a case from the server's verdict on the later one. */
    static EnrollmentRecord[] lookAlikes(StationStore store, long seed) {
        DemoRecords demo = new DemoRecords(seed, TLOGOWATU, store.stationId());
        EnrollmentRecord first = withPrint(demo.next(), MATCHING, portrait(new Color(120, 60, 40), 0));
        store.saveEnrollment(first);
        EnrollmentRecord second = withPrint(demo.next(), PROBE, portrait(new Color(40, 90, 60), 14));
        store.saveEnrollment(second);
        return new EnrollmentRecord[] {first, second};
    }

    static EnrollmentRecord withPrint(EnrollmentRecord r, byte[] template, byte[] photo) {
        return EnrollmentBuilder.from(r).operatorId("op1").photoJpeg(photo)
                .onlyPrints(Map.of(FingerPosition.RIGHT_INDEX, template), new byte[] {1}, "PNG", 80).build();
    }

    /** A plain painted portrait (red backdrop, a face, a shirt): enough for a desk to show a photo. */
    static byte[] portrait(Color shirt, int tilt) {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 30, 40));
        g.fillRect(0, 0, 300, 400);
        g.setColor(shirt);
        g.fillRoundRect(40, 290, 220, 160, 80, 80);
        g.setColor(new Color(222, 180, 140));
        g.fillOval(95 + tilt, 90, 110, 140);
        g.fillRect(130 + tilt / 2, 220, 40, 80);
        g.setColor(new Color(30, 25, 20));
        g.fillArc(90 + tilt, 70, 120, 90, 0, 180);
        g.fillOval(120 + tilt, 150, 12, 8);
        g.fillOval(168 + tilt, 150, 12, 8);
        g.drawArc(130 + tilt, 180, 40, 20, 200, 140);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
