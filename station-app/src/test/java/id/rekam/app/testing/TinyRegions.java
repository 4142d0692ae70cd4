package id.rekam.app.testing;

import id.rekam.app.service.Region;
import id.rekam.app.service.RegionService;

import java.util.List;
import java.util.Optional;

/** TEST DOUBLE: a handful of real Kemendagri codes around Kota Depok. */
public final class TinyRegions implements RegionService {

    private static final List<Region> ALL = List.of(
            new Region("32", "JAWA BARAT"), new Region("31", "DKI JAKARTA"),
            new Region("32.76", "KOTA DEPOK"), new Region("32.01", "KAB. BOGOR"),
            new Region("32.76.01", "PANCORAN MAS"), new Region("32.76.02", "CIMANGGIS"),
            new Region("32.76.01.1001", "PANCORAN MAS"), new Region("32.76.01.1002", "DEPOK"),
            new Region("32.76.01.1003", "DEPOK JAYA"), new Region("32.76.02.1001", "TUGU"),
            new Region("31.71", "KOTA ADM. JAKARTA PUSAT"));

    @Override
    public List<Region> provinces() {
        return ALL.stream().filter(r -> !r.code().contains(".")).toList();
    }

    @Override
    public List<Region> children(String parent) {
        int dots = parent.split("\\.").length;
        return ALL.stream().filter(r -> r.code().startsWith(parent + ".") && r.code().split("\\.").length == dots + 1)
                .toList();
    }

    @Override
    public Optional<Region> find(String code) {
        return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
    }

}
