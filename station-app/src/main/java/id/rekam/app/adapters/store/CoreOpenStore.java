package id.rekam.app.adapters.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rekam.app.adapters.identification.StationIndex;
import id.rekam.app.ports.CardService;
import id.rekam.app.ports.FingerprintIdentification;
import id.rekam.app.ports.CaseService;
import id.rekam.app.ports.DraftService;
import id.rekam.app.ports.FieldWork;
import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.Operator;
import id.rekam.app.ports.OperatorService;
import id.rekam.app.ports.PendingExports;
import id.rekam.app.ports.RecordService;
import id.rekam.core.auth.AccountLockedException;
import id.rekam.core.auth.BadCredentialsException;
import id.rekam.core.auth.OperatorAccounts;
import id.rekam.core.store.StationStore;

import java.util.Map;
import java.util.Optional;

/** The unlocked {@link StationStore} behind the app's ports. */
public final class CoreOpenStore implements OpenStore, OperatorService, DraftService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One resumable enrollment form per station desk. */
    static final String DRAFT_ID = "enrollment-form";

    private final StationStore store;
    private final StationIndex index;
    private final CoreRecords records;
    private final Runnable onClose;

    public CoreOpenStore(StationStore store) {
        this(store, () -> { });
    }

    /** @param onClose runs after the store is closed (the gateway forgets it) */
    CoreOpenStore(StationStore store, Runnable onClose) {
        this.store = store;
        // Built (or restored from its sealed snapshot) in the background: unlocking does not wait for it.
        this.index = StationIndex.open(store.identification());
        this.records = new CoreRecords(store, index);
        this.onClose = onClose;
    }

    public StationStore store() {
        return store;
    }

    @Override
    public String stationId() {
        return store.stationId();
    }

    @Override
    public OperatorService operators() {
        return this;
    }

    @Override
    public RecordService records() {
        return records;
    }

    @Override
    public DraftService drafts() {
        return this;
    }

    @Override
    public CardService cards() {
        return new CoreCards(store);
    }

    @Override
    public CaseService cases() {
        return new CoreCases(store);
    }

    @Override
    public PendingExports pendingExports() {
        return new CorePendingExports(store);
    }

    @Override
    public FieldWork fieldWork() {
        return new CoreFieldWork(store);
    }

    @Override
    public FingerprintIdentification identification() {
        return index;
    }

    @Override
    public void close() {
        // The index seals its snapshot through the store: it closes first.
        index.close();
        store.close();
        onClose.run();
    }

    // ---------------------------------------------------------------- operators

    @Override
    public boolean hasOperators() {
        return store.operators().supervisorExists();
    }

    @Override
    public int minPasswordLength() {
        return OperatorAccounts.MIN_PASSWORD_LENGTH;
    }

    @Override
    public Operator createFirstSupervisor(String id, char[] password) {
        return map(store.operators().createFirstSupervisor(id, password));
    }

    @Override
    public Optional<Operator> login(String id, char[] password) {
        try {
            return Optional.of(map(store.operators().login(id, password)));
        } catch (BadCredentialsException e) {
            return Optional.empty();
        } catch (AccountLockedException e) {
            throw new LockedException(e.getMessage(), e);
        }
    }

    static Operator map(id.rekam.core.auth.Operator op) {
        return new Operator(op.username(), op.username(), Operator.Role.valueOf(op.role().name()));
    }

    // ---------------------------------------------------------------- drafts (sealed by the store)

    @Override
    public void save(Map<String, String> fields) {
        try {
            store.saveDraft(DRAFT_ID, JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Map<String, String>> load() {
        return store.loadDraft(DRAFT_ID).map(json -> {
            try {
                return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("draft unreadable", e);
            }
        });
    }

    @Override
    public void clear() {
        store.deleteDraft(DRAFT_ID, "station-app");
    }
}
