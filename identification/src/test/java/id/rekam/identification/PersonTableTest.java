package id.rekam.identification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of people in the compact table: each found by id, taken out and added again. */
class PersonTableTest {

    @Test
    void idsFindTheirSlotsThroughGrowthRemovalsAndReAdding() {
        PersonTable table = new PersonTable();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            int slot = table.add(java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString());
            assertThat(slot).isEqualTo(i);
            table.addFinger(slot, i % IdentificationEngine.FINGERS);
        }
        for (int i = 0; i < n; i += 7) {
            assertThat(table.remove(id(i))).isEqualTo(i);
        }
        assertThat(table.remove(id(0))).as("already out").isEqualTo(-1);
        int again = table.add(id(7));
        assertThat(again).isEqualTo(n);
        assertThat(table.size()).isEqualTo(n - (n + 6) / 7 + 1);
        for (int i = 0; i < n; i++) {
            int expected = i == 7 ? n : i % 7 == 0 ? -1 : i;
            assertThat(table.slot(id(i))).as("person %d", i).isEqualTo(expected);
            if (expected == i) {
                assertThat(table.id(i)).isEqualTo(id(i));
                assertThat(table.hasFinger(i, i % IdentificationEngine.FINGERS)).isTrue();
                assertThat(table.fingers(i)).isEqualTo(1 << (i % IdentificationEngine.FINGERS));
            }
        }
        assertThat(table.alive(7)).isFalse();
        assertThat(table.slot("nobody")).isEqualTo(-1);
        assertThat(table.add("ümlaut-ид")).isEqualTo(n + 1);
        assertThat(table.slot("ümlaut-ид")).isEqualTo(n + 1);
        assertThat(table.id(n + 1)).isEqualTo("ümlaut-ид");
    }

    private static String id(int i) {
        return java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString();
    }
}
