package id.rekam.app.records;

import id.rekam.core.text.DeskTimes;
import id.rekam.core.domain.Nik;
import id.rekam.core.verdict.ServerVerdict;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The central server's verdict on a record as one paragraph for the operator. This is the only
 * place a verdict's NIK is masked: the store keeps the other record's NIK as the server sent it,
 * sealed, for whoever must act on the duplicate later.
 */
final class VerdictText {

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;

    /** @param locale for numbers (the default bundle's own locale is the root one) */
    VerdictText(ResourceBundle bundle, Locale locale, ZoneId zone) {
        this.bundle = bundle;
        this.locale = locale;
        this.zone = zone;
    }

    String describe(ServerVerdict verdict) {
        if (verdict instanceof ServerVerdict.Duplicate d) {
            return duplicate(d);
        }
        if (verdict instanceof ServerVerdict.NeedsReview r) {
            return needsReview(r);
        }
        if (verdict instanceof ServerVerdict.Rejected r) {
            return text("verdict.rejected", r.code(), r.message() == null ? "" : " \u2014 " + Nik.maskIn(r.message()));
        }
        return text(verdict.kind() == ServerVerdict.Kind.PRINT_READY ? "verdict.printReady" : "verdict.accepted",
                time(verdict.at()));
    }

    private String duplicate(ServerVerdict.Duplicate d) {
        ServerVerdict.OtherRecord o = d.other();
        String out = text("verdict.duplicate", text("verdict.matchedBy." + d.matchedBy().name()),
                or(o.registrationId()), or(o.stationId()), or(o.office()), nik(o), time(o.receivedAt()));
        if (!d.fingers().isEmpty()) {
            out += "\n" + fingers(d.fingers(), d.matchThreshold());
        }
        return out;
    }

    /** Held for an official's review on the server: why, and each earlier record the prints resemble. */
    private String needsReview(ServerVerdict.NeedsReview r) {
        String reasons = r.reasons().stream().map(this::reason).collect(Collectors.joining("; "));
        StringBuilder out = new StringBuilder(text("verdict.needsReview", time(r.at()), reasons));
        for (ServerVerdict.ReviewCandidate c : r.candidates()) {
            ServerVerdict.OtherRecord o = c.other();
            out.append("\n").append(text("verdict.reviewCandidate", or(o.registrationId()), or(o.stationId()),
                    or(o.office()), nik(o))).append("\n").append(fingers(c.fingers(), r.matchThreshold()));
        }
        return out.toString();
    }

    private String reason(String code) {
        String key = "verdict.reason." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    private String nik(ServerVerdict.OtherRecord o) {
        return o.nik() == null ? unknown() : o.fullNik().map(Nik::masked).orElse(Nik.maskIn(o.nik()));
    }

    /** "Right thumb 187.3 ✓, Right index ↔ Right middle 98.0 ✓", with the threshold when the server gave it. */
    private String fingers(java.util.List<ServerVerdict.FingerScore> scores, Double threshold) {
        String fingers = scores.stream()
                .map(f -> text("verdict.finger", finger(f), String.format(locale, "%.1f", f.score()),
                        f.matched() ? "\u2713" : "\u2717"))
                .collect(Collectors.joining(", "));
        return threshold == null ? text("verdict.fingers", fingers) : text("verdict.fingersThreshold", fingers, threshold);
    }

    private String finger(ServerVerdict.FingerScore f) {
        String own = bundle.getString("finger." + f.position().name());
        return f.storedPosition() == null ? own
                : text("verdict.fingerCross", own, bundle.getString("finger." + f.storedPosition().name()));
    }

    private String time(Instant at) {
        return at == null ? unknown() : DeskTimes.format(at, zone);
    }

    private String or(String value) {
        return value == null ? unknown() : value;
    }

    private String unknown() {
        return bundle.getString("verdict.unknown");
    }

    private String text(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
