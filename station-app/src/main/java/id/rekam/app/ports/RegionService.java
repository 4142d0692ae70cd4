package id.rekam.app.ports;

import java.util.List;
import java.util.Optional;

/** The Kemendagri region catalogue (provinsi → kab/kota → kecamatan → kel/desa). */
public interface RegionService {

    List<Region> provinces();

    /** Direct children of a region code (e.g. the kecamatan of {@code 32.76}). */
    List<Region> children(String parentCode);

    Optional<Region> find(String code);
}
