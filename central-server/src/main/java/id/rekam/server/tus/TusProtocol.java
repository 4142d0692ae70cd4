package id.rekam.server.tus;

/** Constants of tus 1.0.0 as this server speaks it. */
public final class TusProtocol {

    public static final String VERSION = "1.0.0";
    public static final String EXTENSIONS = "creation,creation-with-upload,checksum";
    public static final String CHECKSUM_ALGORITHMS = "sha1,sha256";
    public static final String OFFSET_CONTENT_TYPE = "application/offset+octet-stream";
    public static final String BASE = "/v1/uploads";
    /** Status a tus server answers when a chunk fails its Upload-Checksum. */
    public static final int CHECKSUM_MISMATCH = 460;

    private TusProtocol() {
    }

    public static boolean isTusPath(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }
}
