package id.rekam.core.store;

import id.rekam.core.domain.Gender;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packed search index matches exactly as the index over strings did
 * ({@link StringSearchReference}): same hits, same order, same limit, for names beyond ASCII,
 * apostrophes, hyphens, several words, NIK parts; and its entries and snapshot chunks give back
 * what went in.
 */
class PackedSearchTest {

    /** The packed index and the string index, fed the same summaries. */
    private static final class Both {
        final VillageCodes codes = new VillageCodes();
        final PackedEntries packed = new PackedEntries(0);
        final StringSearchReference strings = new StringSearchReference();

        String add(String id, String nik, String name, String village) {
            SummaryDoc doc = new SummaryDoc(nik, name, LocalDate.of(1990, 1, 1), Gender.PEREMPUAN, village);
            packed.addNewest(SummaryIndex.entry(id, doc).pack(codes));
            strings.added(id, doc);
            return id;
        }

        List<String> search(String query, int limit) {
            List<String> hits = SearchQuery.of(query).matching(packed, limit);
            assertThat(hits).as("query %s, limit %d", query, limit)
                    .isEqualTo(strings.matching(query, limit));
            return hits;
        }
    }

    private static String uuid(int i) {
        return new UUID(0x5EA4L, i).toString();
    }

    @Test
    void namesBeyondAsciiApostrophesHyphensAndSeveralWords() {
        Both both = new Both();
        String munoz = both.add(uuid(1), "3276015203900001", "Iñigo Muñoz", "32.76.01.1001");
        String helene = both.add(uuid(2), "3276015203900002", "HÉLÈNE d'Arc", "32.76.01.1001");
        String maruf = both.add(uuid(3), "3276010101800003", "Ma'ruf Amin", null);
        String halimah = both.add(uuid(4), "3276010101800004", "Siti Nur-Halimah", "32.76.01.1002");
        String dang = both.add(uuid(5), "3276010101800005", "Đặng Văn Lâm", "32.76.01.1002");
        String yvonne = both.add(uuid(6), "3276010101800006", "ÿvonne Şükrü", "32.76.01.1002");
        String abbreviated = both.add(uuid(7), "3276010101800007", "M. Rizky, S.Kom.", "32.76.01.1002");
        String siti = both.add(uuid(8), "3276010101800008", "  siti   aminah  ", "32.76.01.1003");

        assertThat(both.search("ñ", 10)).as("Ñ starts no word").isEmpty();
        assertThat(both.search("iñ", 10)).containsExactly(munoz);
        assertThat(both.search("muñ", 10)).containsExactly(munoz);
        assertThat(both.search("MUN", 10)).isEmpty();
        assertThat(both.search("é", 10)).isEmpty();
        assertThat(both.search("hél", 10)).containsExactly(helene);
        assertThat(both.search("arc d", 10)).containsExactly(helene);
        assertThat(both.search("d'arc", 10)).as("an apostrophe splits the name, not the query").isEmpty();
        assertThat(both.search("ruf", 10)).containsExactly(maruf);
        assertThat(both.search("ma amin", 10)).containsExactly(maruf);
        assertThat(both.search("halim nur", 10)).containsExactly(halimah);
        assertThat(both.search("nur-halimah", 10)).isEmpty();
        assertThat(both.search("siti", 10)).containsExactly(siti, halimah);
        assertThat(both.search("SITI AMINAH", 10)).containsExactly(siti);
        assertThat(both.search("siti\t  amin", 10)).containsExactly(siti);
        assertThat(both.search("siti amin zz", 10)).isEmpty();
        assertThat(both.search("đặ", 10)).containsExactly(dang);
        assertThat(both.search("văn lâm", 10)).containsExactly(dang);
        assertThat(both.search("lâ", 10)).containsExactly(dang);
        assertThat(both.search("ÿ", 10)).as("ÿ upper-cases to Ÿ, beyond Latin-1, on both sides").containsExactly(yvonne);
        assertThat(both.search("şük ŸVO", 10)).containsExactly(yvonne);
        assertThat(both.search("s.kom", 10)).isEmpty();
        assertThat(both.search("kom m rizky s", 10)).containsExactly(abbreviated);
        assertThat(both.search("", 3)).containsExactly(siti, abbreviated, yvonne);
        assertThat(both.search(null, 100)).hasSize(8);
        assertThat(both.search("   ", 0)).isEmpty();
    }

    @Test
    void nikDigitsMatchAnyPartNewestFirstUpToTheLimit() {
        Both both = new Both();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(both.add(uuid(i), String.format(Locale.ROOT, "32760141%02d9%05d", 1 + i % 12, i), "Warga " + i, null));
        }
        assertThat(both.search("3276", 5)).containsExactly(ids.get(29), ids.get(28), ids.get(27), ids.get(26),
                ids.get(25));
        assertThat(both.search("3276014103900002", 5)).containsExactly(ids.get(2));
        assertThat(both.search(" 900017 ", 5)).containsExactly(ids.get(17));
        assertThat(both.search("0141", 100)).hasSize(30);
        assertThat(both.search("3276", 0)).isEmpty();
        assertThat(both.search("3276 01", 5)).as("digits with a space are a name query").isEmpty();
        assertThat(both.search("٣٢٧٦", 5)).as("other scripts' digits are no ASCII digits").isEmpty();
        assertThat(both.search("32760141039000021", 5)).isEmpty();
        assertThat(both.search("warga 1", 100)).hasSize(11);
    }

    @Test
    void savesAfterLoadingComeFirst() {
        Both both = new Both();
        String first = both.add(uuid(1), "3276010101900001", "Budi Santoso", "32.76.01.1001");
        assertThat(both.search("budi", 10)).containsExactly(first);
        String second = both.add(uuid(2), "3276010101900002", "Budi Santoso", "32.76.01.1001");
        assertThat(both.search("budi", 10)).containsExactly(second, first);
        assertThat(both.search("budi", 1)).containsExactly(second);
        for (int i = 3; i < 100; i++) {
            both.add(uuid(i), "3276010101900002", "Lain " + i, null);
        }
        String last = both.add(uuid(100), "3276010101900100", "Budi", null);
        assertThat(both.search("bud san", 10)).containsExactly(second, first);
        assertThat(both.search("budi", 10)).containsExactly(last, second, first);
    }

    @Test
    void agreesWithTheStringIndexOnRandomSummariesAndQueries() {
        IndonesianSummaries gen = new IndonesianSummaries(17);
        Both both = new Both();
        List<SummaryDoc> docs = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            SummaryDoc doc = gen.next();
            docs.add(doc);
            both.add(gen.id(), doc.nik(), doc.fullName(), doc.villageCode());
        }
        Random r = gen.random();
        int[] limits = {0, 1, 5, 50, 100_000};
        for (int q = 0; q < 1200; q++) {
            SummaryDoc doc = docs.get(r.nextInt(docs.size()));
            String[] words = doc.fullName().split(" ");
            String word = words[r.nextInt(words.length)];
            String other = gen.name();
            String query = switch (q % 6) {
                case 0 -> word.substring(0, 1 + r.nextInt(word.length()));
                case 1 -> String.join(" ", words).toLowerCase(Locale.ROOT);
                case 2 -> words[words.length - 1] + " " + words[0].substring(0, 1);
                case 3 -> doc.nik().substring(r.nextInt(8), 8 + r.nextInt(9));
                case 4 -> Integer.toString(r.nextInt(100_000));
                default -> other.substring(0, Math.min(3, other.length())) + " " + (char) ('A' + r.nextInt(26));
            };
            both.search(query, limits[r.nextInt(limits.length)]);
        }
    }

    @Test
    void entriesGiveBackWhatWentIn() {
        VillageCodes codes = new VillageCodes();
        String[][] cases = {
                {"0f8fad5b-d9cb-469f-a165-70867728950e", "3276010101900001", "SITI AMINAH", "32.76.01.1001"},
                {"0F8FAD5B-D9CB-469F-A165-70867728950E", "3276010101900001", "Ñ", null},
                {"R-1", "", "", null},
                {"1-2-3-4-5", "٣٢٧٦", "ŸVONNE ŞÜKRÜ \uD800X", "32.76.01.1001"},
                {"x".repeat(300), "3".repeat(200), "A".repeat(70_000), "32.76.01.1002"},
        };
        for (String[] c : cases) {
            String[] words = c[2].isEmpty() ? new String[0] : c[2].split(" ");
            SummaryIndex.Entry back = SummaryIndex.Entry.unpack(
                    new SummaryIndex.Entry(c[0], c[1], words, c[3]).pack(codes), codes);
            assertThat(back.id()).isEqualTo(c[0]);
            assertThat(back.nik()).isEqualTo(c[1]);
            assertThat(back.nameWords()).containsExactly(words);
            assertThat(back.villageCode()).isEqualTo(c[3]);
        }
        // A name typed with a leading separator splits into an empty first word; kept as it is.
        SummaryIndex.Entry leading = SummaryIndex.entry(uuid(9), new SummaryDoc("3276010101900001", " .Siti",
                LocalDate.of(1990, 1, 1), Gender.PEREMPUAN, null));
        assertThat(SummaryIndex.Entry.unpack(leading.pack(codes), codes).nameWords()).containsExactly("", "SITI");
        byte[] uuid = new SummaryIndex.Entry(uuid(1), "3276010101900001", new String[] {"SITI", "AMINAH"},
                "32.76.01.1001").pack(codes);
        assertThat(uuid).as("flags, kelurahan number, NIK in 8 bytes, name, id in 16").hasSize(4 + 8 + 13 + 16);
    }

    @Test
    void snapshotChunksCarryTheirOwnKelurahanCodes() {
        Both both = new Both();
        IndonesianSummaries gen = new IndonesianSummaries(5);
        for (int i = 0; i < 3000; i++) {
            SummaryDoc doc = gen.next();
            both.add(gen.id(), doc.nik(), doc.fullName(), i % 10 == 0 ? null : doc.villageCode());
        }
        // Write in two chunks, read in reverse order into a session that numbers codes otherwise.
        List<byte[]> newest = new ArrayList<>();
        List<byte[]> oldest = new ArrayList<>();
        for (int i = 0; i < both.packed.size(); i++) {
            (i < 1000 ? newest : oldest).add(both.packed.newest(i));
        }
        byte[] first = SnapshotChunk.write(newest, both.codes);
        byte[] second = SnapshotChunk.write(oldest, both.codes);
        VillageCodes session = new VillageCodes();
        session.number("99.99.99.9999");
        List<byte[]> b = SnapshotChunk.read(second, session);
        List<byte[]> a = SnapshotChunk.read(first, session);
        PackedEntries reloaded = new PackedEntries(0);
        for (int i = b.size() - 1; i >= 0; i--) {
            reloaded.addNewest(b.get(i));
        }
        for (int i = a.size() - 1; i >= 0; i--) {
            reloaded.addNewest(a.get(i));
        }
        assertThat(reloaded.size()).isEqualTo(3000);
        for (int i = 0; i < 3000; i++) {
            SummaryIndex.Entry was = SummaryIndex.Entry.unpack(both.packed.newest(i), both.codes);
            SummaryIndex.Entry is = SummaryIndex.Entry.unpack(reloaded.newest(i), session);
            assertThat(is.id()).isEqualTo(was.id());
            assertThat(is.nik()).isEqualTo(was.nik());
            assertThat(is.nameWords()).containsExactly(was.nameWords());
            assertThat(is.villageCode()).isEqualTo(was.villageCode());
        }
        for (String q : new String[] {"siti", "nur ah", "3276", "muñ", "", "ŞÜK"}) {
            assertThat(SearchQuery.of(q).matching(reloaded, 40)).isEqualTo(both.strings.matching(q, 40));
        }
    }

    @Test
    void aChunkOfTheFirstFormatReadsAsNone() {
        byte[] v1 = StringSearchReference.encodeV1(List.of(
                new StringSearchReference.Entry(uuid(1), "3276010101900001", new String[] {"SITI"}, "32.76.01.1001")));
        assertThat(SnapshotChunk.read(v1, new VillageCodes())).isNull();
        assertThat(SnapshotChunk.read(StringSearchReference.encodeV1(List.of()), new VillageCodes())).isNull();
        assertThat(SnapshotChunk.read(new byte[0], new VillageCodes())).isNull();
    }
}
