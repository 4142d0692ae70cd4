package id.rekam.devices.fingerprint;

import com.machinezoo.fingerprintio.TemplateFormat;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Fingerprint;
import com.machinezoo.fingerprintio.ansi378v2004.Ansi378v2004Template;
import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintImage;
import com.machinezoo.sourceafis.FingerprintImageOptions;
import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * SourceAFIS template extraction and (de)serialization. Extraction takes about 50 ms per
 * 256×288 image on this hardware; call it off the UI thread. Thread-safe.
 */
public final class FingerprintTemplates {

    /**
     * Minutiae count of a template. SourceAFIS keeps its minutiae internal, so the count is
     * read from the template's ANSI INCITS 378-2004 export (one finger view).
     */
    public int minutiaeCount(FingerprintTemplate template) {
        byte[] ansi = FingerprintCompatibility.exportTemplates(TemplateFormat.ANSI_378_2004, template);
        int count = 0;
        for (Ansi378v2004Fingerprint view : new Ansi378v2004Template(ansi).fingerprints) {
            count += view.minutiae.size();
        }
        return count;
    }

    /** The template of an 8-bit grayscale image, at the image's own resolution. */
    public FingerprintTemplate extract(GrayImage image) {
        FingerprintImage afisImage = new FingerprintImage(image.width(), image.height(), image.pixels(),
                new FingerprintImageOptions().dpi(image.dpi()));
        return new FingerprintTemplate(afisImage);
    }

    /** Template, serialized bytes and quality of one capture. */
    public ExtractedFingerprint extractWithQuality(GrayImage image) {
        FingerprintTemplate template = extract(image);
        QualityReport quality = FingerprintQuality.assess(image, minutiaeCount(template));
        return new ExtractedFingerprint(template, serialize(template), quality);
    }

    /** SourceAFIS's own compact format (CBOR, about 0.5–1 KB); stable across 3.x versions. */
    public byte[] serialize(FingerprintTemplate template) {
        return template.toByteArray();
    }

    /**
     * Reads a template written by {@link #serialize}.
     *
     * @throws IllegalArgumentException if the bytes are not a SourceAFIS template
     */
    public FingerprintTemplate deserialize(byte[] serialized) {
        try {
            return new FingerprintTemplate(serialized);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SourceAFIS template", e);
        }
    }
}
