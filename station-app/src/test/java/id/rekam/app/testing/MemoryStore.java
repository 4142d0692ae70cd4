package id.rekam.app.testing;

import id.rekam.app.service.Counters;
import id.rekam.app.service.DraftService;
import id.rekam.app.service.OpenStore;
import id.rekam.app.service.Operator;
import id.rekam.app.service.OperatorService;
import id.rekam.app.service.RecordService;
import id.rekam.app.service.RecordStatus;
import id.rekam.app.service.RecordSummary;
import id.rekam.app.service.StoreGateway;
import id.rekam.core.domain.EnrollmentRecord;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.domain.FingerprintCapture;
import id.rekam.core.domain.Nik;
import id.rekam.core.domain.RegistrationId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST DOUBLE of the station store, in memory, for UI tests that do not exercise the store
 * itself. Not encrypted: tests of encryption use the real store.
 */
public final class MemoryStore implements StoreGateway, OpenStore, OperatorService, RecordService, DraftService {

    public record Stored(EnrollmentRecord record, RecordStatus status, String overrideBy, String overrideReason) {
    }

    private final String passphrase;
    private final Map<String, Object[]> operators = new LinkedHashMap<>();
    private final Map<RegistrationId, Stored> records = new ConcurrentHashMap<>();
    private volatile Map<String, String> draft;

    public MemoryStore(String passphrase) {
        this.passphrase = passphrase;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public OpenStore unlock(char[] p) throws WrongPassphraseException {
        if (!new String(p).equals(passphrase)) {
            throw new WrongPassphraseException("wrong", null);
        }
        return this;
    }

    @Override
    public OperatorService operators() {
        return this;
    }

    @Override
    public RecordService records() {
        return this;
    }

    @Override
    public DraftService drafts() {
        return this;
    }

    @Override
    public void close() {
    }

    @Override
    public synchronized boolean hasOperators() {
        return !operators.isEmpty();
    }

    @Override
    public synchronized Operator createOperator(String id, String name, char[] pin, Operator.Role role) {
        Operator op = new Operator(id, name, role);
        operators.put(id, new Object[] {op, new String(pin)});
        return op;
    }

    @Override
    public synchronized Optional<Operator> login(String id, char[] pin) {
        Object[] o = operators.get(id);
        return o != null && o[1].equals(new String(pin)) ? Optional.of((Operator) o[0]) : Optional.empty();
    }

    @Override
    public void commit(EnrollmentRecord r, Operator operator, boolean needsApproval, Operator overrideBy,
                       String reason) {
        records.put(r.id(), new Stored(r, needsApproval ? RecordStatus.WAITING_APPROVAL : RecordStatus.WAITING_SYNC,
                overrideBy == null ? null : overrideBy.id(), reason));
    }

    public void put(EnrollmentRecord r, RecordStatus status) {
        records.put(r.id(), new Stored(r, status, null, null));
    }

    public Map<RegistrationId, Stored> all() {
        return records;
    }

    private RecordSummary summary(Stored s) {
        var d = s.record().demographics();
        return new RecordSummary(s.record().id(), d.nik().value(), d.fullName(), s.record().createdAt(), s.status());
    }

    @Override
    public Optional<RecordSummary> findByNik(Nik nik) {
        return records.values().stream().filter(s -> s.record().demographics().nik().equals(nik)).findFirst()
                .map(this::summary);
    }

    @Override
    public Optional<EnrollmentRecord> load(RegistrationId id) {
        return Optional.ofNullable(records.get(id)).map(Stored::record);
    }

    @Override
    public List<RecordSummary> search(String q, int limit) {
        String u = q.toUpperCase();
        return records.values().stream().filter(s -> s.record().demographics().nik().value().contains(q)
                        || s.record().demographics().fullName().contains(u))
                .sorted(Comparator.comparing((Stored s) -> s.record().createdAt()).reversed())
                .limit(limit).map(this::summary).toList();
    }

    @Override
    public List<RecordSummary> waitingApproval() {
        return records.values().stream().filter(s -> s.status() == RecordStatus.WAITING_APPROVAL)
                .map(this::summary).toList();
    }

    @Override
    public void approve(RegistrationId id, Operator supervisor) {
        records.computeIfPresent(id, (k, s) -> new Stored(s.record(), RecordStatus.WAITING_SYNC, s.overrideBy(),
                s.overrideReason()));
    }

    @Override
    public Counters counters(LocalDate today, ZoneId zone) {
        int todayCount = (int) records.values().stream()
                .filter(s -> s.record().createdAt().atZone(zone).toLocalDate().equals(today)).count();
        int sync = (int) records.values().stream().filter(s -> s.status() == RecordStatus.WAITING_SYNC).count();
        return new Counters(todayCount, sync, waitingApproval().size());
    }

    @Override
    public List<StoredTemplates> templates() {
        List<StoredTemplates> out = new ArrayList<>();
        for (Stored s : records.values()) {
            Map<FingerPosition, byte[]> t = new EnumMap<>(FingerPosition.class);
            for (FingerprintCapture f : s.record().fingerprints()) {
                if (f.hasPrint()) {
                    t.put(f.position(), Arrays.copyOf(f.template(), f.template().length));
                }
            }
            out.add(new StoredTemplates(s.record().id(), s.record().demographics().fullName(), t));
        }
        return out;
    }

    @Override
    public void save(Map<String, String> fields) {
        draft = Map.copyOf(fields);
    }

    @Override
    public Optional<Map<String, String>> load() {
        return Optional.ofNullable(draft);
    }

    @Override
    public void clear() {
        draft = null;
    }
}
