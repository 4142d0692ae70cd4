package id.rekam.server.cases;

import id.rekam.core.domain.Address;
import id.rekam.core.domain.Demographics;
import id.rekam.core.packet.EnrollmentPackets;
import id.rekam.core.packet.Packet;
import id.rekam.core.packet.PacketCodec;
import id.rekam.core.packet.PacketFormatException;
import id.rekam.core.packet.PacketPart;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.keys.ServerKeyStore;
import id.rekam.server.packets.UploadFiles;
import id.rekam.server.stations.Station;
import id.rekam.server.stations.StationRegistry;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One record of an assigned case as the feed entry carries it: ids, the citizen's biodata and
 * address (the station of the citizen's kecamatan administers them), a small photo to recognise
 * them at the desk, and the templates for the in-person 1:1 match.
 */
final class CaseRecords {

    /** Photos are sent as thumbnails: enough to recognise a face at the desk, a few kilobytes a record. */
    static final int THUMBNAIL = 160;
    private static final Pattern TEMPLATE = Pattern.compile("finger-(\\d{2})\\.tpl");

    private final UploadFiles files;
    private final StationRegistry stations;
    private final ServerKeyStore keys;
    private final EnrollmentPackets enrollment = new EnrollmentPackets();

    CaseRecords(UploadFiles files, StationRegistry stations, ServerKeyStore keys) {
        this.files = files;
        this.stations = stations;
        this.keys = keys;
    }

    /** The stored packet, kept sealed as it arrived: opened with the server's key and checked against what was signed. */
    Packet packet(PacketRecord p) {
        try {
            byte[] inner = keys.open(files.readPacket(p.packetId()), p.packetId());
            String sha = PacketCodec.sha256Hex(inner);
            if (!sha.equals(p.contentSha256())) {
                throw new IllegalStateException("stored packet " + p.packetId() + " holds SHA-256 " + sha
                        + ", signed " + p.contentSha256());
            }
            return new PacketCodec().decode(inner, sha);
        } catch (PacketFormatException | id.rekam.core.crypto.PacketSeal.Unopenable e) {
            throw new IllegalStateException("stored packet " + p.packetId() + " no longer opens", e);
        }
    }

    Demographics demographics(Packet packet) {
        try {
            return enrollment.demographics(packet);
        } catch (PacketFormatException e) {
            throw new IllegalStateException("stored packet " + packet.id() + " has unreadable demographics", e);
        }
    }

    Map<String, Object> view(PacketRecord p, Packet packet) {
        Demographics d = demographics(packet);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("packetId", p.packetId());
        r.put("stationId", p.stationId());
        r.put("office", stations.find(p.stationId()).map(Station::office).orElse(null));
        r.put("nik", d.nik().value());
        r.put("nikMasked", false);
        if (p.receivedAt() != null) {
            r.put("receivedAt", p.receivedAt().toString());
        }
        Map<String, Object> citizen = new LinkedHashMap<>();
        citizen.put("fullName", d.fullName());
        citizen.put("birthPlace", d.birthPlace());
        citizen.put("birthDate", d.birthDate().toString());
        citizen.put("gender", d.gender().name());
        Address a = d.address();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", a.street());
        address.put("rt", a.rt());
        address.put("rw", a.rw());
        address.put("villageCode", a.villageCode());
        address.put("villageName", a.villageName());
        address.put("districtName", a.districtName());
        address.put("regencyName", a.regencyName());
        address.put("provinceName", a.provinceName());
        citizen.put("address", address);
        r.put("citizen", citizen);
        thumbnail(packet).ifPresent(t -> r.put("photo", Base64.getEncoder().encodeToString(t)));
        Map<String, Object> templates = new LinkedHashMap<>();
        for (PacketPart part : packet.parts()) {
            Matcher m = TEMPLATE.matcher(part.name());
            if (m.matches()) {
                templates.put(Integer.toString(Integer.parseInt(m.group(1))),
                        Base64.getEncoder().encodeToString(part.bytes()));
            }
        }
        r.put("templates", templates);
        return r;
    }

    /** The citizen's kecamatan now: the later record's address. */
    static String districtOf(Demographics d) {
        return d.address().districtCode();
    }

    private static Optional<byte[]> thumbnail(Packet packet) {
        Optional<byte[]> jpeg = packet.part(EnrollmentPackets.PHOTO).map(PacketPart::bytes);
        if (jpeg.isEmpty()) {
            return Optional.empty();
        }
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg.get()));
            if (img == null) {
                return Optional.empty();
            }
            double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(img.getWidth(), img.getHeight()));
            int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpg", out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException unreadable) {
            // A photo the server cannot decode (demo records carry random bytes): the case goes without one.
            return Optional.empty();
        }
    }
}
