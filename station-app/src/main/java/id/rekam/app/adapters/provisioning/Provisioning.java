package id.rekam.app.adapters.provisioning;

import id.rekam.app.ports.ProvisioningException;
import id.rekam.app.ports.ProvisioningService.Request;
import id.rekam.core.auth.OperatorAccounts;
import id.rekam.core.outbox.OutboxState;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.region.RegionLevel;
import id.rekam.core.auth.PassphrasePolicy;
import id.rekam.core.store.StationStore;
import id.rekam.core.store.StoreOptions;
import id.rekam.core.store.UnlockPolicy;
import id.rekam.core.trust.ServerAddress;
import id.rekam.sync.StationEnrollment;
import okhttp3.OkHttpClient;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The technician's set-up of a station, without UI: which office it serves, which central
 * server it delivers to (and that server's pinned key), its registration with a one-time code,
 * and later its move to another office. Results go to {@link StationSettings} (read by
 * Bootstrap) and to the store's audit trail, which keeps the history of assignments. The
 * wizard reaches it through {@link StationProvisioning}.
 */
public final class Provisioning {

    public static final String AUDIT_PROVISIONED = "station.provisioned";
    public static final String AUDIT_REASSIGNED = "station.reassigned";
    /** Outbox states of records the central server has not given a final verdict on. */
    static final Set<OutboxState> PENDING = EnumSet.of(OutboxState.CAPTURED, OutboxState.APPROVED, OutboxState.QUEUED,
            OutboxState.UPLOADING, OutboxState.ACKNOWLEDGED, OutboxState.NEEDS_ATTENTION);
    private static final Pattern STATION_ID = Pattern.compile("ST-\\d{6}-\\d{4}");

    private final Path dataDir;
    private final RegionCatalog regions;
    private final String technician;

    public Provisioning(Path dataDir, RegionCatalog regions, String technician) {
        this.dataDir = dataDir;
        this.regions = regions;
        this.technician = technician;
    }

    /** "Kecamatan X, Kota Y": what the top bar and the receipts show. */
    public String officeName(String districtCode) throws ProvisioningException {
        Region kec = kecamatan(districtCode);
        Region kab = regions.find(kec.parentCode().orElseThrow()).orElseThrow();
        return "Kecamatan " + titleCase(kec.name()) + ", " + titleCase(kab.name());
    }

    /**
     * First run: creates the encrypted store under the requested station id (the id is inside
     * every packet, so it is fixed before anything is recorded), registers it with the server,
     * creates the first supervisor. After a failed registration the technician may try again:
     * the store made by the first attempt is reopened with the same passphrase.
     */
    public StationStore firstRun(char[] passphrase, Request r, String supervisorId, char[] supervisorPassword,
                                 StoreOptions options) throws ProvisioningException {
        checked(r);
        UnlockPolicy policy = unlockPolicy(r);
        if (supervisorId == null || supervisorId.isBlank()
                || supervisorPassword.length < OperatorAccounts.MIN_PASSWORD_LENGTH) {
            // Checked before the server is contacted: a spent code should not wait on a typo here.
            throw new ProvisioningException(ProvisioningException.Problem.BAD_SUPERVISOR,
                    "supervisor id and a password of " + OperatorAccounts.MIN_PASSWORD_LENGTH + "+ characters");
        }
        boolean exists = Files.isRegularFile(dataDir.resolve(StationStore.DB_FILE));
        if (!exists) {
            PassphrasePolicy.weakness(passphrase, java.util.List.of(r.stationId() == null ? "" : r.stationId()))
                    .ifPresent(w -> {
                throw new id.rekam.app.ports.StoreGateway.WeakPassphraseException(w);
            });
        }
        StationStore store = exists
                ? StationStore.open(dataDir, passphrase, options)
                : StationStore.initialise(dataDir, passphrase, r.stationId() == null ? "" : r.stationId(), options);
        try {
            enroll(store, r);
            if (!store.operators().supervisorExists()) {
                store.operators().createFirstSupervisor(supervisorId, supervisorPassword);
            }
            if (policy.eraseAfterFailures() > 0) {
                // The supervisor's choice, made here and audited under their name.
                store.setUnlockPolicy(policy, supervisorId);
            }
            return store;
        } catch (ProvisioningException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Registers the store's key with the server and records the station's settings. */
    public void enroll(StationStore store, Request r) throws ProvisioningException {
        Region kec = checked(r);
        if (!r.stationId().equals(store.stationId())) {
            throw new ProvisioningException(ProvisioningException.Problem.STATION_ID_DIFFERS,
                    r.stationId() + " vs store " + store.stationId());
        }
        ServerAddress server = server(r.server(), r.pin());
        OkHttpClient http = client(server.pin());
        try {
            // Pins the server's address, TLS key and signing and packet keys in the store (not in the
            // group-writable settings file) and seals whatever was recorded before.
            StationEnrollment.enroll(http, server, r.enrollmentCode().trim(), store,
                    r.deskName() == null || r.deskName().isBlank() ? r.stationId() : r.deskName(), null, technician);
        } catch (SSLException e) {
            throw new ProvisioningException(pinFailure(e) ? ProvisioningException.Problem.PIN_MISMATCH
                    : ProvisioningException.Problem.SERVER_UNREACHABLE, String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw refused(e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(StationSettings.STATION_ID, r.stationId());
        settings.put(StationSettings.DISTRICT, kec.code());
        settings.put(StationSettings.OFFICE, officeName(kec.code()));
        StationSettings.write(dataDir, settings);
        store.audit(technician, AUDIT_PROVISIONED, r.stationId(), Map.of("district", kec.code(),
                "server", server.base().toString(), "pin", server.pin() == null ? "" : server.pin()));
    }

    /**
     * Moves the station to another kecamatan. Refused while any record has no final verdict
     * from the server: those records were taken for the old office and must be delivered (or
     * exported by a technician, {@link id.rekam.core.export.PendingExport}) first. The audit
     * trail keeps every move.
     *
     * @return the new office's name, for everything on screen that shows it
     */
    public String reassign(StationStore store, String newDistrict) throws ProvisioningException {
        Region kec = kecamatan(newDistrict);
        long pending = pendingRecords(store);
        if (pending > 0) {
            throw new ProvisioningException(ProvisioningException.Problem.PENDING_RECORDS, Long.toString(pending));
        }
        String from = StationSettings.effective(dataDir).getProperty(StationSettings.DISTRICT, "");
        String office = officeName(kec.code());
        StationSettings.write(dataDir, Map.of(StationSettings.DISTRICT, kec.code(), StationSettings.OFFICE, office));
        store.audit(technician, AUDIT_REASSIGNED, store.stationId(), Map.of("from", from, "to", kec.code()));
        return office;
    }

    /** The request's kecamatan, once its station id is checked against it. */
    private Region checked(Request r) throws ProvisioningException {
        Region kec = kecamatan(r.districtCode());
        if (r.stationId() == null || !STATION_ID.matcher(r.stationId()).matches()
                || !r.stationId().startsWith("ST-" + kec.code().replace(".", "") + "-")) {
            throw new ProvisioningException(ProvisioningException.Problem.BAD_STATION_ID, String.valueOf(r.stationId()));
        }
        return kec;
    }

    public static long pendingRecords(StationStore store) {
        Map<OutboxState, Long> n = store.outbox().countByState();
        return PENDING.stream().mapToLong(s -> n.getOrDefault(s, 0L)).sum();
    }

    private Region kecamatan(String code) throws ProvisioningException {
        return regions.findCurrent(code == null ? "" : code).filter(r -> r.level() == RegionLevel.KECAMATAN)
                .orElseThrow(() -> new ProvisioningException(ProvisioningException.Problem.NOT_A_KECAMATAN,
                        String.valueOf(code)));
    }

    /** The one address rule (core {@link ServerAddress}): https with a pinned key, or http to this machine only. */
    private static ServerAddress server(String url, String pin) throws ProvisioningException {
        try {
            return ServerAddress.check(url, pin);
        } catch (ServerAddress.Refused e) {
            ProvisioningException.Problem p = switch (e.problem()) {
                case NOT_A_URL -> ProvisioningException.Problem.BAD_SERVER_URL;
                case HTTP_OUTSIDE_LOOPBACK -> ProvisioningException.Problem.HTTP_NOT_ALLOWED;
                case PIN_REQUIRED, BAD_PIN -> ProvisioningException.Problem.BAD_PIN;
            };
            // The enrolment code travels in this request: without the pin it could go to an impostor.
            throw new ProvisioningException(p, String.valueOf(url), e);
        }
    }

    private static UnlockPolicy unlockPolicy(Request r) throws ProvisioningException {
        try {
            return new UnlockPolicy(r.eraseAfterFailures(), r.eraseEvenIfPending());
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(ProvisioningException.Problem.BAD_UNLOCK_POLICY,
                    Integer.toString(r.eraseAfterFailures()), e);
        }
    }

    private static OkHttpClient client(String pin) {
        return StationEnrollment.client(pin);
    }

    private static boolean pinFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return String.valueOf(e.getMessage()).contains("is not the pinned");
    }

    private static ProvisioningException refused(IOException e) {
        String m = String.valueOf(e.getMessage());
        ProvisioningException.Problem p;
        if (m.contains("enrollment-code-used")) {
            p = ProvisioningException.Problem.CODE_USED;
        } else if (m.contains("enrollment-code-unknown")) {
            p = ProvisioningException.Problem.CODE_UNKNOWN;
        } else if (m.contains("enrollment-code-expired")) {
            p = ProvisioningException.Problem.CODE_EXPIRED;
        } else if (m.contains("station-id-taken") || m.contains("public-key-registered")) {
            p = ProvisioningException.Problem.STATION_ID_TAKEN;
        } else if (m.startsWith("enrollment refused")) {
            p = ProvisioningException.Problem.REFUSED;
        } else {
            p = ProvisioningException.Problem.SERVER_UNREACHABLE;
        }
        return new ProvisioningException(p, m, e);
    }

    private static String titleCase(String s) {
        StringBuilder out = new StringBuilder();
        for (String w : s.toLowerCase(java.util.Locale.ROOT).split(" ")) {
            if (!w.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return out.toString();
    }
}
