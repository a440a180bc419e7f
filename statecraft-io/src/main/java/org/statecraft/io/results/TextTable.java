package org.statecraft.io.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table renderer: aligned plain text for terminals, or a Markdown pipe table. {@link #render(int)} keeps
 * plain text within a width: a table too wide for it wraps its headers, then stacks its columns in blocks that
 * each repeat the key columns (the first {@link #keys(int)}), and wraps the cells of a column still too wide.
 */
public final class TextTable {
    /** Narrowest a wrapped column is made. */
    private static final int MIN_WRAP = 24;
    private final List<String> header;
    private int keys = 1;
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

    /** The first {@code n} columns identify a row and are repeated in every block of a stacked table. */
    public TextTable keys(int n) {
        keys = Math.max(0, Math.min(n, header.size()));
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

    /**
     * Plain text at most {@code max} columns wide where the cells allow it; exactly {@link #render(boolean)
     * render(false)} when that already fits.
     */
    public String render(int max) {
        String plain = render(false);
        if (plain.lines().allMatch(l -> l.length() <= max)) {
            return plain;
        }
        int n = header.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
            for (String word : header.get(i).split(" ")) {
                width[i] = Math.max(width[i], word.length());
            }
        }
        int k = keys;
        int keyTotal = 0;
        for (int i = 0; i < k; i++) {
            width[i] = Math.min(width[i], Math.max(MIN_WRAP / 2, max / 2 / k - 2));
            keyTotal += width[i] + (i > 0 ? 2 : 0);
        }
        int avail = Math.max(MIN_WRAP, max - keyTotal - (k > 0 ? 2 : 0));
        List<List<Integer>> blocks = new ArrayList<>();
        List<Integer> block = new ArrayList<>();
        int used = keyTotal;
        for (int i = k; i < n; i++) {
            int need = width[i] + (used > 0 ? 2 : 0);
            int room = max - used - (used > 0 ? 2 : 0);
            if (used + need <= max) {
                block.add(i);
                used += need;
            } else if (width[i] > avail && room >= MIN_WRAP) {
                width[i] = room; // wraps anyway: wrap it here rather than alone
                block.add(i);
                used = max;
            } else {
                if (!block.isEmpty()) {
                    blocks.add(block);
                }
                block = new ArrayList<>(List.of(i));
                width[i] = Math.min(width[i], avail);
                used = keyTotal + width[i] + (keyTotal > 0 ? 2 : 0);
            }
        }
        if (!block.isEmpty() || blocks.isEmpty()) {
            blocks.add(block);
        }
        StringBuilder sb = new StringBuilder();
        for (List<Integer> b : blocks) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            List<Integer> cols = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                cols.add(i);
            }
            cols.addAll(b);
            wrapped(sb, header, cols, width);
            int total = -2;
            for (int c : cols) {
                total += width[c] + 2;
            }
            sb.append("-".repeat(Math.max(0, total))).append('\n');
            for (List<String> r : rows) {
                wrapped(sb, r, cols, width);
            }
        }
        return sb.toString();
    }

    private void wrapped(StringBuilder sb, List<String> cells, List<Integer> cols, int[] width) {
        List<List<String>> parts = new ArrayList<>();
        int lines = 1;
        for (int c : cols) {
            List<String> p = wrap(cells.get(c), width[c]);
            parts.add(p);
            lines = Math.max(lines, p.size());
        }
        for (int l = 0; l < lines; l++) {
            List<String> line = new ArrayList<>();
            int[] w = new int[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                line.add(l < parts.get(j).size() ? parts.get(j).get(l) : "");
                w[j] = width[cols.get(j)];
            }
            StringBuilder one = new StringBuilder();
            for (int j = 0; j < line.size(); j++) {
                String c = line.get(j);
                String pad = " ".repeat(Math.max(0, w[j] - c.length()));
                one.append(numeric.get(cols.get(j)) ? pad + c : c + pad);
                if (j < line.size() - 1) {
                    one.append("  ");
                }
            }
            sb.append(one.toString().stripTrailing()).append('\n');
        }
    }

    /** Words greedily onto lines of at most {@code w} characters; a longer word is cut. */
    static List<String> wrap(String text, int w) {
        List<String> out = new ArrayList<>();
        if (text.length() <= w) {
            out.add(text);
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > w) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                out.add(word.substring(0, w));
                word = word.substring(w);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > w) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
