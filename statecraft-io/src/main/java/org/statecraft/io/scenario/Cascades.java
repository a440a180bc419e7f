package org.statecraft.io.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collapses the problems that follow from one root cause into that cause. The case it handles: an id that cannot be
 * read ({@code - id: [1, 2]}, a typo in its type) makes every reference to the element it named an "unknown actor
 * 'pakistan'" further down (22 problems for the bundled scenario's Pakistan). Those references are dropped when a
 * rejected id of their section exists, and the root's message counts them and gives their lines, so the list starts
 * with what to fix.
 */
final class Cascades {
    private static final Pattern ID = Pattern.compile("/([^/]+)/\\d+/id");
    private static final Pattern UNKNOWN = Pattern.compile("unknown ([a-z][a-z -]*?) '[^']*'; expected one of .*");
    /** At most this many lines are listed in a root's message. */
    static final int LINES_LISTED = 10;

    private Cascades() {
    }

    static List<LocatedProblem> collapse(List<LocatedProblem> problems) {
        Map<String, LocatedProblem> rootBySection = new LinkedHashMap<>();
        for (LocatedProblem p : problems) {
            Matcher m = ID.matcher(p.pointer());
            if (m.matches()) {
                rootBySection.putIfAbsent(m.group(1), p);
            }
        }
        if (rootBySection.isEmpty()) {
            return problems;
        }
        Map<LocatedProblem, List<Integer>> consequences = new LinkedHashMap<>();
        List<LocatedProblem> kept = new ArrayList<>();
        for (LocatedProblem p : problems) {
            Matcher m = UNKNOWN.matcher(p.message());
            LocatedProblem root = m.matches() ? rootFor(m.group(1), rootBySection) : null;
            if (root == null || root == p) {
                kept.add(p);
            } else {
                consequences.computeIfAbsent(root, r -> new ArrayList<>()).add(p.line());
            }
        }
        List<LocatedProblem> out = new ArrayList<>(kept.size());
        for (LocatedProblem p : kept) {
            List<Integer> lines = consequences.get(p);
            if (lines == null) {
                out.add(p);
                continue;
            }
            String listed = lines.subList(0, Math.min(lines.size(), LINES_LISTED)).toString().replaceAll("[\\[\\]]", "");
            out.add(new LocatedProblem(p.file(), p.line(), p.column(), p.pointer(), p.message() + " (because of it, "
                    + lines.size() + (lines.size() == 1 ? " reference" : " references") + " elsewhere name an unknown "
                    + "id: line" + (lines.size() == 1 ? " " : "s ") + listed + (lines.size() > LINES_LISTED ? ", ..." : "")
                    + ")"));
        }
        return out;
    }

    /** The rejected id of the section a kind of reference points into ("actor": actors, "policy": policies). */
    private static LocatedProblem rootFor(String kind, Map<String, LocatedProblem> rootBySection) {
        String k = kind.toLowerCase(Locale.ROOT).replace(" ", "");
        for (Map.Entry<String, LocatedProblem> e : rootBySection.entrySet()) {
            String section = e.getKey().toLowerCase(Locale.ROOT);
            String stem = k.endsWith("y") ? k.substring(0, k.length() - 1) : k;
            if (section.startsWith(stem)) {
                return e.getValue();
            }
        }
        return null;
    }
}
