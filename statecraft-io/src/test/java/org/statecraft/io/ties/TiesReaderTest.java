package org.statecraft.io.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.calibration.SanctionEpisode;

class TiesReaderTest {
    static final Path TIES = Path.of(System.getProperty("statecraft.shared", "../../shared"), "data/ties/TIESv4-1.xls");

    @Test
    void readsAllTiesCasesAndReproducesTheKnownAcquiescenceGradient() {
        List<SanctionEpisode> cases = TiesReader.read(TIES);
        assertThat(cases).hasSize(1412);
        // data/README.md: 540 imposed and resolved cases, 32.6% acquiescence (56.5% with negotiated settlements)
        List<SanctionEpisode> resolved = cases.stream().filter(SanctionEpisode::imposedAndResolved).toList();
        assertThat(resolved).hasSize(540);
        assertThat(resolved.stream().filter(SanctionEpisode::acquiesced).count()).isEqualTo(176);
        assertThat(resolved.stream().filter(e -> e.acquiesced() || e.finalOutcome() == 10).count()).isEqualTo(305);
        // data/README.md: by targetcosts 26.1% (n=380), 43.9% (n=98), 58.6% (n=29)
        int[] n = new int[4];
        int[] acq = new int[4];
        for (SanctionEpisode e : resolved) {
            if (e.targetCosts() > 0) {
                n[e.targetCosts()]++;
                acq[e.targetCosts()] += e.acquiesced() ? 1 : 0;
            }
        }
        assertThat(new int[] {n[1], n[2], n[3]}).containsExactly(380, 98, 29);
        assertThat(new int[] {acq[1], acq[2], acq[3]}).containsExactly(99, 43, 17);
        assertThat(Math.round(1000.0 * acq[1] / n[1])).isEqualTo(261);
        assertThat(Math.round(1000.0 * acq[2] / n[2])).isEqualTo(439);
        assertThat(Math.round(1000.0 * acq[3] / n[3])).isEqualTo(586);
    }

    @Test
    void pakistanAfghanistanCasesCarryTheirOutcomes() {
        // data/README.md: 1955050101 → outcome 10, 1961082201 → 5, 1961083001 → 10
        List<SanctionEpisode> cases = TiesReader.read(TIES);
        assertThat(cases).filteredOn(e -> e.caseId() == 1955050101L).singleElement()
                .extracting(SanctionEpisode::finalOutcome).isEqualTo(10);
        assertThat(cases).filteredOn(e -> e.caseId() == 1961082201L).singleElement()
                .extracting(SanctionEpisode::finalOutcome).isEqualTo(5);
        assertThat(cases).filteredOn(e -> e.caseId() == 1961083001L).singleElement()
                .extracting(SanctionEpisode::finalOutcome).isEqualTo(10);
    }

    @Test
    void aMissingFileIsADataFormatErrorNamingIt(@TempDir Path dir) {
        Path f = dir.resolve("nope.xls");
        assertThatThrownBy(() -> TiesReader.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no such file")
                .satisfies(e -> assertThat(((DataFormatException) e).file()).isEqualTo(f.toString()));
    }

    @Test
    void aFileThatIsNotAWorkbookIsRejected(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ties.xls");
        Files.writeString(f, "caseid,startyear\n1,1990\n");
        assertThatThrownBy(() -> TiesReader.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(".xls");
    }

    @Test
    void aMissingColumnIsNamed(@TempDir Path dir) throws IOException {
        Path f = workbook(dir, new Object[][] {{"caseid", "startyear", "imposition"}, {1.0, 1990.0, 1.0}});
        assertThatThrownBy(() -> TiesReader.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("finaloutcome").hasMessageContaining("targetcosts")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(1));
    }

    @Test
    void aBadCellIsReportedWithRowAndColumn(@TempDir Path dir) throws IOException {
        Object[] header = {"caseid", "startyear", "imposition", "finaloutcome", "targetcosts", "sendercosts", "institution"};
        Path f = workbook(dir, new Object[][] {header,
                {1990010101.0, 1990.0, 1.0, 7.0, 1.0, 1.0, 0.0},
                {1990010102.0, 1990.0, 1.0, "seven", 1.0, 1.0, 0.0}});
        assertThatThrownBy(() -> TiesReader.read(f)).isInstanceOf(DataFormatException.class)
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.column()).isEqualTo(4);
                    assertThat(d.located()).contains("ties.xls:3:4: finaloutcome must be a whole number, was 'seven'");
                });
        Path g = workbook(dir, new Object[][] {header, {1990010101.0, 1990.0, 1.0, 7.0, 4.0, 1.0, 0.0}});
        assertThatThrownBy(() -> TiesReader.read(g)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("targetcosts must be 1 (minor)");
    }

    private static Path workbook(Path dir, Object[][] rows) throws IOException {
        Path f = dir.resolve("ties.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("TIES");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        return f;
    }
}
