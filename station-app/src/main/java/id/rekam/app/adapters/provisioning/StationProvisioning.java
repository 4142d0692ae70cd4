package id.rekam.app.adapters.provisioning;

import id.rekam.app.adapters.store.CoreStoreGateway;
import id.rekam.app.ports.OpenStore;
import id.rekam.app.ports.ProvisioningException;
import id.rekam.app.ports.ProvisioningService;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.store.StationStore;

import java.util.function.Supplier;

/**
 * {@link Provisioning} behind the wizard's port. A first run creates the store in the gateway's
 * data directory, with the gateway's store options, and hands it to the gateway as the open
 * store; a move works on the store the gateway has open.
 */
public final class StationProvisioning implements ProvisioningService {

    /** Who the audit trail names for a first run: nobody is logged in yet. */
    static final String FIRST_RUN_ACTOR = "technician";

    private final CoreStoreGateway gateway;
    private final Supplier<RegionCatalog> regions;

    public StationProvisioning(CoreStoreGateway gateway, Supplier<RegionCatalog> regions) {
        this.gateway = gateway;
        this.regions = regions;
    }

    @Override
    public OpenStore firstRun(char[] passphrase, Request request, String supervisorId, char[] supervisorPassword)
            throws ProvisioningException {
        StationStore store = new Provisioning(gateway.dataDir(), regions.get(), FIRST_RUN_ACTOR)
                .firstRun(passphrase, request, supervisorId, supervisorPassword, gateway.options());
        return gateway.adopt(store);
    }

    @Override
    public String officeName(String districtCode) throws ProvisioningException {
        return new Provisioning(gateway.dataDir(), regions.get(), FIRST_RUN_ACTOR).officeName(districtCode);
    }

    @Override
    public String reassign(String districtCode, String technician) throws ProvisioningException {
        StationStore store = gateway.opened().orElseThrow(() -> new IllegalStateException("store is locked"));
        return new Provisioning(gateway.dataDir(), regions.get(), technician).reassign(store, districtCode);
    }
}
