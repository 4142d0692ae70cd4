package id.rekam.core.region;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodesTest {

    @Test
    void levelsFollowTheNumberOfSegments() {
        assertThat(RegionCodes.level("32")).isEqualTo(RegionLevel.PROVINSI);
        assertThat(RegionCodes.level("32.76")).isEqualTo(RegionLevel.KABUPATEN_KOTA);
        assertThat(RegionCodes.level("32.76.01")).isEqualTo(RegionLevel.KECAMATAN);
        assertThat(RegionCodes.level("32.76.01.1001")).isEqualTo(RegionLevel.KELURAHAN_DESA);
        assertThat(RegionCodes.parent("32.76.01.1001")).isEqualTo("32.76.01");
        assertThat(RegionCodes.parent("32")).isNull();
    }

    @Test
    void malformedCodesAreRecognised() {
        assertThat(RegionCodes.isWellFormed("3276")).isFalse();
        assertThat(RegionCodes.isWellFormed("32.7")).isFalse();
        assertThat(RegionCodes.isWellFormed("32-76")).isFalse();
        assertThat(RegionCodes.isWellFormed("32.76.01.100")).isFalse();
        assertThat(RegionCodes.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> RegionCodes.level("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typeComesFromTheCode() {
        assertThat(RegionType.ofCode("33.10")).isEqualTo(RegionType.KABUPATEN);
        assertThat(RegionType.ofCode("33.69")).isEqualTo(RegionType.KABUPATEN);
        assertThat(RegionType.ofCode("32.71")).isEqualTo(RegionType.KOTA);
        assertThat(RegionType.ofCode("32.76.01.1001")).isEqualTo(RegionType.KELURAHAN);
        assertThat(RegionType.ofCode("33.10.01.2001")).isEqualTo(RegionType.DESA);
        assertThat(RegionType.ofCode("91.03.01.3007")).isEqualTo(RegionType.DESA_ADAT);
        assertThatThrownBy(() -> RegionType.ofCode("33.70")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegionType.ofCode("33.10.01.4001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void districtOfNikDigits() {
        assertThat(RegionCodes.districtOfDigits("327601")).isEqualTo("32.76.01");
    }

    @Property
    void packingKeepsTextOrderAndRoundTrips(@ForAll @IntRange(min = 1, max = 4) int depthA,
                                            @ForAll @IntRange(min = 0, max = 999_999_999) int digitsA,
                                            @ForAll @IntRange(min = 1, max = 4) int depthB,
                                            @ForAll @IntRange(min = 0, max = 999_999_999) int digitsB) {
        String a = code(depthA, digitsA);
        String b = code(depthB, digitsB);
        assertThat(RegionCodes.unpack(RegionCodes.pack(a))).isEqualTo(a);
        assertThat(Long.signum(Long.compare(RegionCodes.pack(a), RegionCodes.pack(b))))
                .isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Property
    void subtreeRangeHoldsExactlyTheDescendants(@ForAll @IntRange(min = 1, max = 3) int depth,
                                                @ForAll @IntRange(min = 0, max = 999_999_999) int digits,
                                                @ForAll @IntRange(min = 1, max = 4) int otherDepth,
                                                @ForAll @IntRange(min = 0, max = 999_999_999) int otherDigits) {
        String parent = code(depth, digits);
        String other = code(otherDepth, otherDigits);
        // A descendant: the parent's segments followed by the other code's deeper segments.
        String child = code(Math.max(otherDepth, depth + 1), otherDigits);
        child = parent + child.substring(parent.length());
        long p = RegionCodes.pack(parent);
        assertThat(inSubtree(p, RegionCodes.pack(child))).isTrue();
        assertThat(inSubtree(p, RegionCodes.pack(other))).isEqualTo(other.startsWith(parent + "."));
        assertThat(inSubtree(p, p)).isFalse();
    }

    private static boolean inSubtree(long parent, long candidate) {
        return candidate > parent && candidate < RegionCodes.subtreeEnd(parent);
    }

    private static String code(int depth, int digits) {
        String d = String.format("%010d", (long) digits * 7 % 10_000_000_000L);
        String full = d.substring(0, 2) + "." + d.substring(2, 4) + "." + d.substring(4, 6) + "." + d.substring(6);
        return full.substring(0, new int[] {2, 5, 8, 13}[depth - 1]);
    }
}
