package id.rekam.tools.region;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlInsertRowsTest {

    @Test
    void readsBothQuoteStylesAndTheirEscapes() {
        String sql = """
                INSERT INTO wilayah(kode,nama) VALUES
                ("11.01.07.2015","Sawang Ba\\'u"),
                ('11.01.02.2018','Pasi Kuala Ba''u'),
                ('61.01.09.2001','Kaliau\\''),
                ("12.01","Say ""hi""\"),
                ('12.02','back\\\\slash');
                """;
        assertThat(SqlInsertRows.parse(sql)).extracting(r -> r.get("nama"))
                .containsExactly("Sawang Ba'u", "Pasi Kuala Ba'u", "Kaliau'", "Say \"hi\"", "back\\slash");
    }

    @Test
    void handlesBackticksCommentsAndOtherStatements() {
        String sql = """
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                -- Adminer dump; a quote in a comment: it's fine
                # MySQL style comment 'unterminated
                SET NAMES utf8;
                DROP TABLE IF EXISTS `wilayah_2018`;
                CREATE TABLE `wilayah_2018` (
                  `kode` varchar(13) NOT NULL,
                  `nama` varchar(100) DEFAULT NULL
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8;
                INSERT INTO `wilayah_2018` (`kode`, `nama`) VALUES
                ('11', 'ACEH'), /* inline */ ('11.01',
                   'KAB. ACEH; SELATAN'),('11.02','X -- not a comment');
                START TRANSACTION;
                INSERT IGNORE INTO t (a, b, c) VALUES (NULL, -5, 12.5);
                COMMIT;
                """;
        List<SqlInsertRows.Row> rows = SqlInsertRows.parse(sql);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).table()).isEqualTo("wilayah_2018");
        assertThat(rows.get(0).columns()).containsExactly("kode", "nama");
        assertThat(rows).extracting(r -> r.values().get(1)).startsWith("ACEH", "KAB. ACEH; SELATAN",
                "X -- not a comment");
        assertThat(rows.get(3).values()).isEqualTo(Arrays.asList(null, "-5", "12.5"));
    }

    @Test
    void readsInsertsWithoutColumnList() {
        List<SqlInsertRows.Row> rows = SqlInsertRows.parse("insert into w values ('a','b');");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.columns()).isEmpty();
            assertThat(r.values()).containsExactly("a", "b");
        });
    }

    @Test
    void rejectsBrokenInput() {
        assertThatThrownBy(() -> SqlInsertRows.parse("INSERT INTO w (kode, nama) VALUES ('1');"))
                .hasMessageContaining("1 values for 2 columns");
        assertThatThrownBy(() -> SqlInsertRows.parse("INSERT INTO w (kode) VALUES ('1)"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SqlInsertRows.parse("\n\nINSERT INTO w (kode) VALUES ('1') ('2');"))
                .hasMessageContaining("line 3");
    }
}
