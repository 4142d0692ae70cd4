package id.rekam.core.packet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.Demographics;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerException;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.PhotoCapture;
import id.rekam.core.domain.RegistrationId;
import id.rekam.core.domain.SignatureCapture;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an {@link EnrollmentRecord} to the parts of an {@code enrollment} packet and back.
 * Part names are fixed by {@code docs/packet-format.md}; the server reads the same names.
 */
public final class EnrollmentPackets {

    public static final String KIND = "enrollment";
    public static final String DEMOGRAPHICS = "demographics.json";
    public static final String PHOTO = "photo.jpg";
    public static final String FINGERS = "fingers.json";
    public static final String SIGNATURE = "signature.png";
    public static final String SIGNATURE_STROKES = "signature-strokes.json";
    public static final String META = "record.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PacketCodec codec = new PacketCodec();

    /** Name of the SourceAFIS template part of a finger, e.g. {@code finger-01.tpl}. */
    public static String templatePart(FingerPosition position) {
        return String.format(Locale.ROOT, "finger-%02d.tpl", position.isoCode());
    }

    public static String imagePart(FingerPosition position) {
        return String.format(Locale.ROOT, "finger-%02d.img", position.isoCode());
    }

    record FingerSlot(FingerPosition position, int quality, FingerException exception, String imageFormat,
                      CaptureProvenance provenance) {
    }

    record RecordMeta(RegistrationId id, String stationId, String operatorId, Instant createdAt,
                      CaptureProvenance photo, CaptureProvenance signature) {
    }

    public Packet toPacket(EnrollmentRecord record) {
        try {
            List<PacketPart> parts = new ArrayList<>();
            parts.add(new PacketPart(META, "application/json", JSON.writeValueAsBytes(new RecordMeta(
                    record.id(), record.stationId(), record.operatorId(), record.createdAt(),
                    record.photo().provenance(), record.signature().provenance()))));
            parts.add(new PacketPart(DEMOGRAPHICS, "application/json", JSON.writeValueAsBytes(record.demographics())));
            parts.add(new PacketPart(PHOTO, "image/jpeg", record.photo().jpeg()));
            List<FingerSlot> slots = new ArrayList<>();
            for (FingerprintCapture f : record.fingerprints()) {
                slots.add(new FingerSlot(f.position(), f.quality(), f.exception(), f.imageFormat(), f.provenance()));
                if (f.hasPrint()) {
                    parts.add(new PacketPart(templatePart(f.position()), "application/x-sourceafis-template", f.template()));
                    if (f.image() != null) {
                        parts.add(new PacketPart(imagePart(f.position()), "application/octet-stream", f.image()));
                    }
                }
            }
            parts.add(new PacketPart(FINGERS, "application/json", JSON.writeValueAsBytes(slots)));
            parts.add(new PacketPart(SIGNATURE, "image/png", record.signature().png()));
            parts.add(new PacketPart(SIGNATURE_STROKES, "application/json",
                    record.signature().strokesJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return codec.encode(record.id().value(), KIND, record.stationId(), record.createdAt().toString(), parts);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise enrollment " + record.id(), e);
        }
    }

    public EnrollmentRecord fromPacket(Packet packet) throws PacketFormatException {
        if (!KIND.equals(packet.manifest().kind())) {
            throw new PacketFormatException("not an enrollment packet: " + packet.manifest().kind());
        }
        try {
            RecordMeta meta = JSON.readValue(required(packet, META), RecordMeta.class);
            Demographics demographics = JSON.readValue(required(packet, DEMOGRAPHICS), Demographics.class);
            FingerSlot[] slots = JSON.readValue(required(packet, FINGERS), FingerSlot[].class);
            List<FingerprintCapture> fingers = new ArrayList<>();
            for (FingerSlot s : slots) {
                if (s.exception() != null) {
                    fingers.add(FingerprintCapture.exception(s.position(), s.exception(), s.provenance()));
                } else {
                    byte[] image = packet.part(imagePart(s.position())).map(PacketPart::bytes).orElse(null);
                    fingers.add(FingerprintCapture.print(s.position(), required(packet, templatePart(s.position())),
                            image, s.imageFormat(), s.quality(), s.provenance()));
                }
            }
            String strokes = new String(required(packet, SIGNATURE_STROKES), java.nio.charset.StandardCharsets.UTF_8);
            return new EnrollmentRecord(meta.id(), demographics,
                    new PhotoCapture(required(packet, PHOTO), meta.photo()),
                    fingers,
                    new SignatureCapture(required(packet, SIGNATURE), strokes, meta.signature()),
                    meta.stationId(), meta.operatorId(), meta.createdAt());
        } catch (IOException | RuntimeException e) {
            throw new PacketFormatException("enrollment packet " + packet.id() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads just the demographics, e.g. for a server-side NIK duplicate check. */
    public Demographics demographics(Packet packet) throws PacketFormatException {
        try {
            return JSON.readValue(required(packet, DEMOGRAPHICS), Demographics.class);
        } catch (IOException e) {
            throw new PacketFormatException("demographics of " + packet.id() + " cannot be read", e);
        }
    }

    private static byte[] required(Packet packet, String name) throws PacketFormatException {
        return packet.part(name).map(PacketPart::bytes)
                .orElseThrow(() -> new PacketFormatException("packet " + packet.id() + " lacks part " + name));
    }
}
