package id.rekam.devices.fingerprint;

import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * A template made from one capture, its serialized form (what is stored and sent in the
 * packet as {@code finger-NN.tpl}) and the capture's quality.
 */
public record ExtractedFingerprint(FingerprintTemplate template, byte[] serialized, QualityReport quality) {
}
