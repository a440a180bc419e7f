package org.statecraft.io.ties;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.calibration.SanctionEpisode;

/**
 * Reads the TIES v4.1 workbook ({@code TIESv4-1.xls}, Excel 97–2003, one sheet, a header row then one case
 * per row; Morgan, Bapat &amp; Kobayashi 2014) into {@link SanctionEpisode}s, with Apache POI's HSSF.
 * Columns are found by header name (case-insensitive): {@code caseid}, {@code startyear},
 * {@code imposition}, {@code finaloutcome}, {@code targetcosts}, {@code sendercosts}, {@code institution}.
 * An empty cell is {@link SanctionEpisode#MISSING}; a cell that is not a whole number, a code out of range,
 * a missing column or a file that is not an .xls workbook raise {@link DataFormatException} with the file
 * and the 1-based spreadsheet row (and column). O(rows).
 */
public final class TiesReader {
    static final List<String> COLUMNS = List.of("caseid", "startyear", "imposition", "finaloutcome", "targetcosts",
            "sendercosts", "institution");

    static {
        // POI logs through the Log4j API; without a provider on the class path Log4j prints a one-time
        // "could not find a logging provider" error to stderr. Route it to Log4j's built-in simple logger
        // (ERROR level, stderr) unless the application chose a provider itself.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private TiesReader() {
    }

    public static List<SanctionEpisode> read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, 0, 0, "no such file");
        } catch (IOException e) {
            throw new DataFormatException(name, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    public static List<SanctionEpisode> read(InputStream in, String name) {
        HSSFWorkbook wb;
        try {
            wb = new HSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            // POI signals a non-OLE2 or corrupt file with IOException or one of several runtime exceptions
            throw new DataFormatException(name, 0, 0, "not a readable Excel 97-2003 (.xls) workbook such as TIESv4-1.xls ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        try (wb) {
            if (wb.getNumberOfSheets() == 0) {
                throw new DataFormatException(name, 0, 0, "the workbook has no sheet");
            }
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new DataFormatException(name, 1, 0, "expected a header row with the TIES column names");
            }
            Map<String, Integer> col = new HashMap<>();
            for (Cell c : header) {
                if (c.getCellType() == CellType.STRING) {
                    col.put(c.getStringCellValue().trim().toLowerCase(Locale.ROOT), c.getColumnIndex());
                }
            }
            List<String> missing = COLUMNS.stream().filter(c -> !col.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new DataFormatException(name, header.getRowNum() + 1, 0, "missing TIES column(s) " + missing
                        + "; expected a header with " + COLUMNS);
            }
            List<SanctionEpisode> out = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, col)) {
                    continue;
                }
                long caseId = whole(row, col.get("caseid"), name, "caseid", true);
                int year = (int) whole(row, col.get("startyear"), name, "startyear", true);
                long imposition = whole(row, col.get("imposition"), name, "imposition", true);
                if (imposition != 0 && imposition != 1) {
                    throw error(name, row, col.get("imposition"), "imposition must be 0 or 1, was " + imposition);
                }
                try {
                    out.add(new SanctionEpisode(caseId, year, imposition == 1,
                            (int) whole(row, col.get("finaloutcome"), name, "finaloutcome", false),
                            (int) whole(row, col.get("targetcosts"), name, "targetcosts", false),
                            (int) whole(row, col.get("sendercosts"), name, "sendercosts", false),
                            (int) whole(row, col.get("institution"), name, "institution", false)));
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(name, r + 1, 0, "case " + caseId + ": " + e.getMessage());
                }
            }
            return out;
        } catch (IOException e) {
            throw new DataFormatException(name, 0, 0, "cannot close workbook: " + e.getMessage());
        }
    }

    private static boolean isBlank(Row row, Map<String, Integer> col) {
        for (String c : COLUMNS) {
            Cell cell = row.getCell(col.get(c));
            if (cell != null && cell.getCellType() != CellType.BLANK) {
                return false;
            }
        }
        return true;
    }

    /** A whole-number cell; MISSING (or an error if required) when empty. */
    private static long whole(Row row, int c, String file, String column, boolean required) {
        Cell cell = row.getCell(c);
        if (cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
            if (required) {
                throw error(file, row, c, column + " is empty; every case needs one");
            }
            return SanctionEpisode.MISSING;
        }
        double v;
        if (cell.getCellType() == CellType.NUMERIC) {
            v = cell.getNumericCellValue();
        } else if (cell.getCellType() == CellType.STRING) {
            try {
                v = Double.parseDouble(cell.getStringCellValue().trim());
            } catch (NumberFormatException e) {
                throw error(file, row, c, column + " must be a whole number, was '" + cell.getStringCellValue() + "'");
            }
        } else {
            throw error(file, row, c, column + " must be a whole number, was a " + cell.getCellType() + " cell");
        }
        if (v != Math.rint(v) || Math.abs(v) > 1e15) {
            throw error(file, row, c, column + " must be a whole number, was " + v);
        }
        return (long) v;
    }

    private static DataFormatException error(String file, Row row, int c, String message) {
        return new DataFormatException(file, row.getRowNum() + 1, c + 1, message);
    }
}
