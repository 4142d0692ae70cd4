package id.rekam.app.ports;

/** 1:1 comparison of two serialized templates (SourceAFIS score; ≥ threshold means same finger). */
public interface FingerprintMatcher {

    double score(byte[] probeTemplate, byte[] candidateTemplate);

    double threshold();
}
