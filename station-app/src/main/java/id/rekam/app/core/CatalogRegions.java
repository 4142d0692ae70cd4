package id.rekam.app.core;

import id.rekam.app.service.Region;
import id.rekam.app.service.RegionService;
import id.rekam.core.region.RegionCatalog;

import java.util.List;
import java.util.Optional;

/** The bundled Kemendagri catalogue (current list) for the address pickers. */
public final class CatalogRegions implements RegionService {

    private final RegionCatalog catalog;

    public CatalogRegions(RegionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Region> provinces() {
        return catalog.provinces().stream().map(CatalogRegions::map).toList();
    }

    @Override
    public List<Region> children(String parentCode) {
        return catalog.children(parentCode).stream().map(CatalogRegions::map).toList();
    }

    @Override
    public Optional<Region> find(String code) {
        return code == null || code.isBlank() ? Optional.empty() : catalog.find(code).map(CatalogRegions::map);
    }

    private static Region map(id.rekam.core.region.Region r) {
        return new Region(r.code(), r.name());
    }
}
