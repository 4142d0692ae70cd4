package id.rekam.core.coverage;

/**
 * Decides whether reference data (e.g. coverage targets) was signed by the central server. A
 * small seam on purpose: the server's signing key is pinned at provisioning by the security
 * work (issue of the server key); until it lands, {@link Ed25519ReferenceVerifier} checks
 * against a pinned Ed25519 key given by the caller. Nothing is imported unless this says yes.
 */
@FunctionalInterface
public interface ReferenceDataVerifier {

    boolean verifies(byte[] data, byte[] signature);
}
