package id.rekam.core.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.rekam.core.crypto.Aead;

import java.io.IOException;

/** Seals and opens a record's summary: JSON under the data key, AAD = record id + "summary". */
final class SummarySeal {

    static final String SUMMARY = "summary";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final Aead data;

    SummarySeal(Aead data) {
        this.data = data;
    }

    byte[] seal(String recordId, SummaryDoc doc) {
        try {
            return data.encrypt(JSON.writeValueAsBytes(doc), recordId, SUMMARY);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise summary", e);
        }
    }

    SummaryDoc open(String recordId, byte[] sealed) {
        try {
            return JSON.readValue(data.decrypt(sealed, recordId, SUMMARY), SummaryDoc.class);
        } catch (IOException e) {
            throw new IllegalStateException("summary of " + recordId + " is unreadable", e);
        }
    }

    /** A chunk of the search index snapshot ({@link SummaryIndex}), sealed like the summaries it copies. */
    byte[] sealSnapshot(int chunk, byte[] plain) {
        return data.encrypt(plain, Integer.toString(chunk), SummaryIndex.SNAPSHOT);
    }

    byte[] openSnapshot(int chunk, byte[] sealed) {
        return data.decrypt(sealed, Integer.toString(chunk), SummaryIndex.SNAPSHOT);
    }
}
