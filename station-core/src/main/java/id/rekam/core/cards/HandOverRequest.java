package id.rekam.core.cards;

/**
 * The owner at the desk: the card (serial or scanned QR), the operator, the live finger's
 * SourceAFIS template and the photo and signature taken at hand-over.
 */
public record HandOverRequest(String serial, String operator, byte[] probeTemplate, byte[] photoJpeg,
                              byte[] signaturePng) {
}
