package id.rekam.server.packets;

import id.rekam.server.store.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Partial upload bodies ({@code uploads/<uploadId>.part}) and stored packet bodies
 * ({@code packets/<packetId>.pkt}). Every write is forced to disk before the caller
 * acknowledges it. The file may be longer than the offset in SQLite if the server died
 * between the two; the next append cuts it back to the recorded offset.
 */
public final class UploadFiles {

    private final Path uploads;
    private final Path packets;

    public UploadFiles(Path dataDir) {
        this.uploads = dataDir.resolve("uploads");
        this.packets = dataDir.resolve("packets");
        try {
            Files.createDirectories(uploads);
            Files.createDirectories(packets);
        } catch (IOException e) {
            throw new StoreException("cannot create data directories in " + dataDir, e);
        }
    }

    public void append(String uploadId, long offset, byte[] chunk) {
        Path file = uploads.resolve(uploadId + ".part");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < offset) {
                throw new StoreException("partial body " + uploadId + " is shorter (" + size + ") than its offset "
                        + offset, null);
            }
            ch.truncate(offset);
            ByteBuffer buf = ByteBuffer.wrap(chunk);
            long pos = offset;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new StoreException("cannot write partial body " + uploadId, e);
        }
    }

    public byte[] readPartial(String uploadId, long length) {
        try (FileChannel ch = FileChannel.open(uploads.resolve(uploadId + ".part"), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(length));
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // keep reading
            }
            if (buf.hasRemaining()) {
                throw new StoreException("partial body " + uploadId + " is shorter than " + length, null);
            }
            return buf.array();
        } catch (IOException e) {
            throw new StoreException("cannot read partial body " + uploadId, e);
        }
    }

    /**
     * Moves a complete, already synced body to its final place. The directory is not synced:
     * the caller records the packet received only after the body's bytes are on disk, and if
     * a crash undoes the rename, {@link #finishPromote} at the next start repeats it (the body
     * is then still under its upload name). A directory fsync per packet cost as much as the
     * body's own.
     */
    public void promote(String uploadId, String packetId) {
        try {
            Files.move(uploads.resolve(uploadId + ".part"), packets.resolve(packetId + ".pkt"),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("cannot store packet " + packetId, e);
        }
    }

    /** Repeats a {@link #promote} a crash may have undone; nothing to do if it stuck. */
    public void finishPromote(String uploadId, String packetId) {
        if (hasPartial(uploadId) && !Files.exists(packets.resolve(packetId + ".pkt"))) {
            promote(uploadId, packetId);
        }
    }

    public boolean hasPartial(String uploadId) {
        return Files.exists(uploads.resolve(uploadId + ".part"));
    }

    public byte[] readPacket(String packetId) {
        try {
            return Files.readAllBytes(packets.resolve(packetId + ".pkt"));
        } catch (IOException e) {
            throw new StoreException("cannot read packet " + packetId, e);
        }
    }

    public void discard(String uploadId) {
        try {
            Files.deleteIfExists(uploads.resolve(uploadId + ".part"));
        } catch (IOException e) {
            throw new StoreException("cannot delete partial body " + uploadId, e);
        }
    }
}
