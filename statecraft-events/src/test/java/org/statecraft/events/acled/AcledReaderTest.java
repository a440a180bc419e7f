package org.statecraft.events.acled;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statecraft.events.EventFormat;
import org.statecraft.events.EventRecord;
import org.statecraft.events.MalformedRow;
import org.statecraft.events.Samples;
import org.statecraft.io.cameo.CameoCodebook;

/** ACLED forbids redistributing its data: the file here is generated in ACLED's column layout. */
public class AcledReaderTest {
    public static final String HEADER = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
            + "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
            + "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,"
            + "fatalities,tags,timestamp";

    public static String row(String id, String date, String type, String sub, String actor1, int inter1, String actor2,
            int inter2, String country, String notes) {
        return String.join(",", id, date, date.substring(0, 4), "1", "Political violence", type, sub, q(actor1), "",
                String.valueOf(inter1), q(actor2), "", String.valueOf(inter2), "" + inter1 + inter2, "", "586",
                "Caravan Asia", country, "Khyber Pakhtunkhwa", "Khyber", "", "Torkham", "34.1", "71.1", "1", "Dawn",
                "National", q(notes), "2", "", "1694000000");
    }

    static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Test
    void readsAcledLayoutWithQuotedMultiLineNotesAndReportsBadRowsByTheirFirstLine(@TempDir Path tmp) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(row("PAK1001", "2023-09-06", "Battles", "Armed clash", "Military Forces of Pakistan (2018-)", 1,
                "Military Forces of Afghanistan (2021-)", 1, "Pakistan", "Firefight at Torkham, over a \"post\";\nborder closed."));
        lines.add(row("PAK1002", "07 September 2023", "Protests", "Peaceful protest", "Protesters (Pakistan)", 6,
                "", 0, "Pakistan", "Traders protest the closure"));
        lines.add(row("PAK1003", "2023-13-01", "Riots", "Mob violence", "Rioters (Pakistan)", 5, "", 0, "Pakistan", "x"));
        lines.add(row("PAK1004", "2023-09-10", "Explosions/Remote violence", "Air/drone strike",
                "Military Forces of Pakistan (2018-)", 1, "TTP: Tehreek-i-Taliban Pakistan", 2, "Pakistan", "strike"));
        lines.add(row("PAK1005", "2023-09-11", "Something else", "Armed clash", "A", 1, "B", 1, "Pakistan", "x"));
        Path file = tmp.resolve("acled.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        assertThat(EventFormat.detect(file)).isEqualTo(EventFormat.ACLED);
        List<MalformedRow> bad = new ArrayList<>();
        List<EventRecord> es = Samples.readAll(file, EventFormat.ACLED, bad);
        assertThat(es).extracting(EventRecord::key).containsExactly("PAK1001", "PAK1002", "PAK1004");
        EventRecord clash = es.get(0);
        assertThat(clash.date()).isEqualTo(LocalDate.of(2023, 9, 6));
        assertThat(clash.actor1Country()).isEqualTo("PAK");
        assertThat(clash.actor2Country()).isEqualTo("AFG");
        assertThat(clash.cameo()).isEqualTo("190");
        assertThat(clash.quadClass()).isEqualTo(4);
        assertThat(clash.goldsteinGdelt()).isEqualTo(-10.0);
        assertThat(es.get(1).date()).isEqualTo(LocalDate.of(2023, 9, 7));
        assertThat(es.get(1).actor1Country()).isNull(); // protesters are not state forces and name no "of <country>"
        assertThat(es.get(2).actor2Country()).isNull();
        assertThat(es.get(2).cameo()).isEqualTo("195");
        // row PAK1001 spans lines 2-3, so PAK1003 starts on line 5 and PAK1005 on line 7
        assertThat(bad).extracting(MalformedRow::line).containsExactly(5L, 7L);
        assertThat(bad.get(0).reason()).contains("2023-13-01");
        assertThat(bad.get(1).reason()).contains("Something else");
    }

    @Test
    void everyMappedCameoCodeIsInTheBundledCodebook() {
        CameoCodebook book = CameoCodebook.gdelt();
        assertThat(AcledReader.mapping().values()).allSatisfy(code -> assertThat(book.find(code)).isPresent());
    }
}
