package id.rekam.core.packet;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes and reads packet bodies: {@code "RKPKT" 0x01}, a 4-byte big-endian manifest
 * length, the manifest as UTF-8 JSON, then the parts in manifest order. A length-prefixed
 * container rather than ZIP because the body must be byte-for-byte canonical: the same
 * parts always give the same bytes and therefore the same hash.
 */
public final class PacketCodec {

    public static final int FORMAT = 1;
    static final byte[] MAGIC = {'R', 'K', 'P', 'K', 'T', 0x01};
    private static final int MAX_MANIFEST = 1 << 20;

    private final ObjectMapper json = new ObjectMapper();

    public Packet encode(String packetId, String kind, String stationId, String createdAt, List<PacketPart> parts) {
        Set<String> names = new HashSet<>();
        List<PacketManifest.Entry> entries = new ArrayList<>(parts.size());
        for (PacketPart p : parts) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("duplicate part name: " + p.name());
            }
            entries.add(new PacketManifest.Entry(p.name(), p.contentType(), p.bytes().length, sha256Hex(p.bytes())));
        }
        PacketManifest manifest = new PacketManifest(FORMAT, packetId, kind, stationId, createdAt, entries);
        byte[] head;
        try {
            head = json.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise manifest", e);
        }
        // One exact-size array, filled once: the body is ~228 KB and is on the capture commit path.
        long length = (long) MAGIC.length + 4 + head.length;
        for (PacketPart p : parts) {
            length += p.bytes().length;
        }
        if (length > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("packet too large: " + length + " bytes");
        }
        byte[] body = new byte[(int) length];
        ByteBuffer out = ByteBuffer.wrap(body);
        out.put(MAGIC).putInt(head.length).put(head);
        for (PacketPart p : parts) {
            out.put(p.bytes());
        }
        return new Packet(manifest, List.copyOf(parts), body, sha256Hex(body));
    }

    /** Parses and checks a body: magic, lengths and every part's SHA-256. */
    public Packet decode(byte[] body) throws PacketFormatException {
        return decode(body, null);
    }

    /**
     * As {@link #decode(byte[])}, for a caller that has just computed the SHA-256 of exactly
     * these bytes (hex), so the body is not hashed a second time; null hashes it here.
     */
    public Packet decode(byte[] body, String bodySha256Hex) throws PacketFormatException {
        if (body.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new PacketFormatException("not a rekam packet (bad magic)");
        }
        ByteBuffer buf = ByteBuffer.wrap(body);
        buf.position(MAGIC.length);
        int headLength = buf.getInt();
        if (headLength <= 0 || headLength > MAX_MANIFEST || headLength > buf.remaining()) {
            throw new PacketFormatException("bad manifest length " + headLength);
        }
        PacketManifest manifest;
        try {
            manifest = json.readValue(body, buf.position(), headLength, PacketManifest.class);
        } catch (IOException e) {
            throw new PacketFormatException("manifest is not valid JSON", e);
        }
        if (manifest.format() != FORMAT) {
            throw new PacketFormatException("unsupported packet format " + manifest.format());
        }
        if (manifest.packetId() == null || manifest.parts() == null) {
            throw new PacketFormatException("manifest lacks packetId or parts");
        }
        buf.position(buf.position() + headLength);
        List<PacketPart> parts = new ArrayList<>(manifest.parts().size());
        for (PacketManifest.Entry e : manifest.parts()) {
            if (e.length() < 0 || e.length() > buf.remaining()) {
                throw new PacketFormatException("part " + e.name() + " is truncated");
            }
            byte[] bytes = new byte[(int) e.length()];
            buf.get(bytes);
            if (!sha256Hex(bytes).equals(e.sha256())) {
                throw new PacketFormatException("part " + e.name() + " does not match its SHA-256");
            }
            parts.add(new PacketPart(e.name(), e.contentType(), bytes));
        }
        if (buf.hasRemaining()) {
            throw new PacketFormatException(buf.remaining() + " trailing bytes after the last part");
        }
        return new Packet(manifest, List.copyOf(parts), body, bodySha256Hex != null ? bodySha256Hex : sha256Hex(body));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static byte[] sha256(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }

    /** getInstance is a provider lookup per call; a digest resets itself after digest(). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    });

    /** The exact bytes a station signs for a packet: binds the id to the content hash. */
    public static byte[] signingInput(String packetId, String sha256Hex) {
        return ("rekam-packet-v1:" + packetId + ":" + sha256Hex).getBytes(StandardCharsets.UTF_8);
    }
}
