package id.rekam.app.adapters.store;

import id.rekam.app.ports.CaseService;
import id.rekam.core.cases.CasePeriodReport;
import id.rekam.core.cases.CasePolicy;
import id.rekam.core.cases.Cases;
import id.rekam.core.cases.Invitation;
import id.rekam.core.region.Region;
import id.rekam.core.region.RegionCatalog;
import id.rekam.core.settings.StationSettingsFile;
import id.rekam.core.store.StationStore;
import id.rekam.reports.CaseReportPdf;
import id.rekam.reports.InvitationLetters;
import id.rekam.reports.Letterhead;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * station-core's cases bound to the unlocked store, and the office's letterhead: the regency and
 * kecamatan named from the Kemendagri list, the office's address and who signs from the station
 * settings ({@code rekam.cases.officeAddress}, {@code rekam.cases.signatoryName},
 * {@code rekam.cases.signatoryNip}; without a name the letter leaves a line to sign by hand).
 */
final class CoreCases implements CaseService {

    static final String ADDRESS = "rekam.cases.officeAddress";
    static final String SIGNATORY = "rekam.cases.signatoryName";
    static final String SIGNATORY_NIP = "rekam.cases.signatoryNip";

    private final StationStore store;
    private final Cases cases;
    private final AtomicBoolean waitingTaken;

    /** @param waitingTaken shared by every instance of one unlocked store: the waiting sources are taken once */
    CoreCases(StationStore store, AtomicBoolean waitingTaken) {
        this.store = store;
        this.cases = new Cases(store);
        this.waitingTaken = waitingTaken;
    }

    @Override
    public void takeWaiting() {
        if (waitingTaken.compareAndSet(false, true)) {
            cases.takeLocalSources();
        }
    }

    @Override
    public Cases cases() {
        return cases;
    }

    @Override
    public ZoneId zone() {
        return store.zone();
    }

    @Override
    public byte[] letters(List<Invitation> letters, String districtCode) {
        // A second letter names the first: read from each case's own invitations.
        Map<String, List<Invitation>> byCase = new HashMap<>();
        List<InvitationLetters.Letter> out = new ArrayList<>();
        for (Invitation i : letters) {
            String previous = null;
            if (i.round() > 1) {
                List<Invitation> all = byCase.computeIfAbsent(i.caseId(),
                        id -> cases.find(id).map(f -> f.invitations()).orElse(List.of()));
                previous = all.stream().filter(x -> x.round() == i.round() - 1).map(Invitation::letterNumber)
                        .findFirst().orElse(null);
            }
            out.add(new InvitationLetters.Letter(i, previous));
        }
        return new InvitationLetters(letterhead(districtCode), zone()).render(out);
    }

    @Override
    public byte[] report(CasePeriodReport report, String districtCode, Instant printedAt) {
        return new CaseReportPdf(letterhead(districtCode), zone()).render(report, printedAt);
    }

    @Override
    public String letterUnit(String districtCode) {
        return CasePolicy.unitOf(districtCode);
    }

    @Override
    public String villageName(String villageCode) {
        return villageCode == null ? "-" : RegionCatalog.bundled().find(villageCode).map(Region::name).orElse(villageCode);
    }

    Letterhead letterhead(String districtCode) {
        RegionCatalog regions = RegionCatalog.bundled();
        String code = districtCode == null ? "" : districtCode;
        String regency = code.length() >= 5 ? regions.find(code.substring(0, 5)).map(Region::name).orElse(code) : code;
        String district = regions.find(code).map(Region::name).orElse(code);
        Properties settings = StationSettingsFile.effective(store.dataDir());
        return new Letterhead(regency, "Kecamatan " + district, settings.getProperty(ADDRESS, ""),
                "Camat " + district, settings.getProperty(SIGNATORY, ""), settings.getProperty(SIGNATORY_NIP, ""));
    }
}
