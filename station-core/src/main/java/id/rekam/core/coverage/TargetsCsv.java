package id.rekam.core.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A supervisor's target list: {@code kode_wilayah;nama;wajib_ktp} (comma or semicolon, as
 * spreadsheets in Indonesian locales write it; a header line is recognised and skipped). The whole
 * file is refused when any line is wrong, naming every such line, so half a list never replaces
 * a whole one.
 */
public final class TargetsCsv {

    /** A kelurahan/desa code: province.kabupaten.kecamatan.desa, e.g. 32.76.01.1001. */
    static final Pattern VILLAGE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");

    private TargetsCsv() {
    }

    /** Problems with a target list, one per line at fault. */
    public static final class BadTargets extends Exception {
        private final List<String> problems;

        BadTargets(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static List<Target> parse(Reader in) throws IOException, BadTargets {
        List<Target> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BufferedReader r = new BufferedReader(in);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String l = line.replace("\uFEFF", "").strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split(l.contains(";") ? ";" : ",", -1);
            if (n == 1 && !VILLAGE.matcher(f[0].strip()).matches()
                    && f[0].toLowerCase(Locale.ROOT).contains("kode")) {
                continue;
            }
            if (f.length != 3) {
                problems.add("line " + n + ": expected 3 fields (kode_wilayah;nama;wajib_ktp), found " + f.length);
                continue;
            }
            String code = f[0].strip();
            String name = f[1].strip();
            if (!VILLAGE.matcher(code).matches()) {
                problems.add("line " + n + ": '" + code + "' is not a kelurahan/desa code like 32.76.01.1001");
                continue;
            }
            if (!seen.add(code)) {
                problems.add("line " + n + ": " + code + " appears twice");
                continue;
            }
            long residents;
            try {
                residents = Long.parseLong(f[2].strip().replace(".", ""));
            } catch (NumberFormatException e) {
                problems.add("line " + n + ": '" + f[2].strip() + "' is not a whole number");
                continue;
            }
            if (residents < 0 || name.isEmpty()) {
                problems.add("line " + n + ": a name and a target of 0 or more are required");
                continue;
            }
            out.add(new Target(code, name, residents));
        }
        if (!problems.isEmpty()) {
            throw new BadTargets(problems);
        }
        if (out.isEmpty()) {
            throw new BadTargets(List.of("the file holds no target"));
        }
        return out;
    }
}
