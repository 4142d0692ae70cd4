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
import id.rekam.core.store.DraftInfo;
import id.rekam.core.store.StationStore;
import id.rekam.core.auth.Role;
import id.rekam.core.commit.CommitPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The unlocked {@link StationStore} behind the app's ports. */
public final class CoreOpenStore implements OpenStore, OperatorService, DraftService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one draft of a station before drafts had an owner: everyone's. */
    static final String LEGACY_DRAFT_ID = "enrollment-form";
    /** Who made a draft, kept inside its sealed form. */
    static final String OWNER = "_operator";

    private final StationStore store;
    private final StationIndex index;
    private final CoreRecords records;
    private final Runnable onClose;
    private final java.util.concurrent.atomic.AtomicBoolean caseSourcesTaken = new java.util.concurrent.atomic.AtomicBoolean();

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
        return new CoreCases(store, caseSourcesTaken);
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

    @Override
    public List<Account> accounts() {
        return store.operators().list().stream()
                .map(o -> new Account(o.username(), Operator.Role.valueOf(o.role().name()), o.createdAt())).toList();
    }

    @Override
    public Operator createAccount(Operator supervisor, String id, Operator.Role role, char[] password) {
        return map(store.operators().createAccount(supervisor.id(), id, Role.valueOf(role.name()), password));
    }

    static Operator map(id.rekam.core.auth.Operator op) {
        return new Operator(op.username(), op.username(), Operator.Role.valueOf(op.role().name()));
    }

    // ---------------------------------------------------------------- drafts (sealed by the store)

    @Override
    public void save(String id, String operatorId, Map<String, String> fields) {
        Map<String, String> sealed = new LinkedHashMap<>(fields);
        sealed.put(OWNER, operatorId);
        try {
            store.saveDraft(id, JSON.writeValueAsString(sealed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Map<String, String>> load(String id) {
        return store.loadDraft(id).map(CoreOpenStore::parse);
    }

    /** Every enrollment draft, opened to read its owner and name; a station has a handful at most. */
    @Override
    public List<Draft> visibleTo(Operator viewer) {
        Role role = Role.valueOf(viewer.role().name());
        List<Draft> out = new ArrayList<>();
        for (DraftInfo info : store.listDrafts()) {
            if (!info.id().startsWith(PREFIX) && !info.id().equals(LEGACY_DRAFT_ID)) {
                continue;
            }
            Optional<Map<String, String>> fields = load(info.id());
            if (fields.isEmpty()) {
                continue;
            }
            String owner = fields.get().get(OWNER);
            if (CommitPolicy.maySeeDraft(owner, viewer.id(), role)) {
                out.add(new Draft(info.id(), owner, fields.get().getOrDefault("FULL_NAME", ""), info.updatedAt()));
            }
        }
        return out;
    }

    @Override
    public boolean discard(String id, String actor) {
        return store.deleteDraft(id, actor);
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draft unreadable", e);
        }
    }
}
