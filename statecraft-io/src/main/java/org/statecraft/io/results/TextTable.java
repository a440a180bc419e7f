package org.statecraft.io.results;

import java.util.ArrayList;
import java.util.List;

/** A small table renderer: aligned plain text for terminals, or a Markdown pipe table. */
public final class TextTable {
    private final List<String> header;
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
        for (int i = 0; i < header.length; i++) {
            numeric.add(i > 0);
        }
    }

    public TextTable leftAlign(int column) {
        numeric.set(column, false);
        return this;
    }

    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    public String render(boolean markdown) {
        int n = header.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width, markdown);
        if (markdown) {
            sb.append('|');
            for (int i = 0; i < n; i++) {
                sb.append(numeric.get(i) ? " " + "-".repeat(Math.max(3, width[i]) - 1) + ":|"
                        : " " + "-".repeat(Math.max(3, width[i])) + " |");
            }
            sb.append('\n');
        } else {
            int total = 0;
            for (int w : width) {
                total += w + 2;
            }
            sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
        }
        for (List<String> r : rows) {
            line(sb, r, width, markdown);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width, boolean markdown) {
        if (markdown) {
            sb.append('|');
        }
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            String cell = numeric.get(i) ? pad + c : c + pad;
            if (markdown) {
                sb.append(' ').append(cell).append(" |");
            } else {
                sb.append(cell);
                if (i < cells.size() - 1) {
                    sb.append("  ");
                }
            }
        }
        if (!markdown) {
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
        }
        sb.append('\n');
    }
}
