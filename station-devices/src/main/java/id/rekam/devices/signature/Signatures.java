package id.rekam.devices.signature;

import id.rekam.core.domain.CaptureProvenance;
import id.rekam.core.domain.DeviceRef;
import id.rekam.core.domain.SignatureCapture;

import java.time.Instant;

/** Turns the pad's strokes into the record's signature: PNG for display, JSON for re-rendering. */
public final class Signatures {

    private Signatures() {
    }

    public static SignatureCapture capture(SignatureStrokes strokes, DeviceRef pad, String operatorId, Instant at) {
        if (strokes.isEmpty()) {
            throw new IllegalArgumentException("an empty signature cannot be captured");
        }
        byte[] png = new SignatureRenderer().png(strokes, SignatureRenderer.DEFAULT_WIDTH, SignatureRenderer.DEFAULT_HEIGHT,
                SignatureRenderer.Background.TRANSPARENT);
        return new SignatureCapture(png, SignatureJson.write(strokes), new CaptureProvenance(pad, operatorId, at));
    }
}
