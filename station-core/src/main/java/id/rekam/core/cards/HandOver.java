package id.rekam.core.cards;

import id.rekam.core.domain.FingerPosition;

import java.time.Instant;

/** A completed hand-over. {@code method} says whether the finger matched or a supervisor made an exception. */
public record HandOver(String id, String serial, String recordId, Instant at, String operator, Method method,
                       double score, FingerPosition finger, String supervisor, SecondFactor.Kind secondFactor,
                       String eventId) {

    public enum Method {
        FINGERPRINT,
        SUPERVISOR_EXCEPTION
    }
}
