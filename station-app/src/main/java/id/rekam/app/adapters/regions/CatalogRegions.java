package id.rekam.app.adapters.regions;

import id.rekam.app.ports.Region;
import id.rekam.app.ports.RegionService;
import id.rekam.core.region.RegionCatalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bundled Kemendagri catalogue (current list) for the address pickers. The catalogue may
 * still be loading in the background (it takes a moment); the first lookup waits for it.
 */
public final class CatalogRegions implements RegionService {

    private final Supplier<RegionCatalog> catalog;

    public CatalogRegions(Supplier<RegionCatalog> catalog) {
        this.catalog = catalog;
    }

    public CatalogRegions(RegionCatalog catalog) {
        this(() -> catalog);
    }

    @Override
    public List<Region> provinces() {
        return catalog.get().provinces().stream().map(CatalogRegions::map).toList();
    }

    @Override
    public List<Region> children(String parentCode) {
        return catalog.get().children(parentCode).stream().map(CatalogRegions::map).toList();
    }

    @Override
    public Optional<Region> find(String code) {
        return code == null || code.isBlank() ? Optional.empty() : catalog.get().find(code).map(CatalogRegions::map);
    }

    private static Region map(id.rekam.core.region.Region r) {
        return new Region(r.code(), r.name());
    }
}
