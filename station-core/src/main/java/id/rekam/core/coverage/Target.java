package id.rekam.core.coverage;

/** Residents obliged to record in one kelurahan/desa (wajib KTP-el). */
public record Target(String villageCode, String villageName, long residents) {
}
