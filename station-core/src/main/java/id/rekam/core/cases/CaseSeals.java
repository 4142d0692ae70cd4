package id.rekam.core.cases;

import id.rekam.core.text.JsonDocs;
import id.rekam.core.store.StoreTransaction;
import id.rekam.core.verdict.ServerVerdict;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sealed columns of the case tables. Each is AES-256-GCM under the data key with AAD = its row
 * key + the purpose named here, so a document copied onto another case, or passed off as another
 * kind of document, fails to open.
 */
final class CaseSeals {

    /** {@code cases.data}, row key = case id: {@link Data}. */
    static final String DATA = "case-data";
    /** {@code cases.summary}, row key = case id: {@link Summary}. */
    static final String SUMMARY = "case-summary";
    /** {@code cases.prepared}, row key = case id: {@link PreparedOutcome}. */
    static final String PREPARED = "case-prepared";
    /** {@code case_invitations.detail}, row key = case id + "#" + round: {@link InvitationDetail}. */
    static final String INVITATION = "case-invitation";
    /** {@code case_history.detail}, row key = case id + "#" + seq: the detail as UTF-8. */
    static final String HISTORY = "case-history";

    private CaseSeals() {
    }

    /** What a case knew of its records and of why it was raised, when it opened (and as it grows). */
    record Data(CaseRecord first, CaseRecord second, String matchedBy, List<ServerVerdict.FingerScore> fingers,
                Double matchThreshold, List<CaseFile.Raised> raisedBy) {
        Data {
            fingers = fingers == null ? List.of() : List.copyOf(fingers);
            raisedBy = raisedBy == null ? List.of() : List.copyOf(raisedBy);
        }
    }

    /** The little a list shows. */
    record Summary(String citizen, String nikShown) {
    }

    record InvitationDetail(String place, String addressee, String address) {
    }

    static byte[] seal(StoreTransaction tx, Object doc, String rowKey, String purpose) {
        return tx.seal(JsonDocs.bytes(doc), rowKey, purpose);
    }

    static <T> T open(StoreTransaction tx, byte[] sealed, String rowKey, String purpose, Class<T> type) {
        return JsonDocs.read(tx.open(sealed, rowKey, purpose), type);
    }

    static byte[] sealText(StoreTransaction tx, String text, String rowKey, String purpose) {
        return text == null ? null : tx.seal(text.getBytes(StandardCharsets.UTF_8), rowKey, purpose);
    }

    static String openText(StoreTransaction tx, byte[] sealed, String rowKey, String purpose) {
        return sealed == null ? null : new String(tx.open(sealed, rowKey, purpose), StandardCharsets.UTF_8);
    }
}
