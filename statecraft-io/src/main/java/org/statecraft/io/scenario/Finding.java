package org.statecraft.io.scenario;

/**
 * A problem before it is located: {@code pointer} is where to report it ({@code atKey}: at the member's key
 * rather than its value); {@code scope} is the part of the document it makes doubtful, so that later stages
 * do not report its consequences again; {@code cascade} marks a finding that may itself be a consequence of
 * a problem inside its scope (a record rejecting fallback values, a row sum over an unreadable cell).
 */
record Finding(String pointer, String scope, boolean atKey, boolean cascade, String message) {
    Finding(String pointer, String scope, boolean atKey, String message) {
        this(pointer, scope, atKey, false, message);
    }

    Finding(String pointer, boolean atKey, String message) {
        this(pointer, pointer, atKey, false, message);
    }

    Finding(String pointer, String message) {
        this(pointer, pointer, false, false, message);
    }

    /** A consequence of an earlier finding: the earlier one's scope holds this one's, or this is a cascade above it. */
    boolean isCoveredBy(Finding earlier) {
        if (earlier.scope.isEmpty()) {
            return false;
        }
        return isAncestorOrSelf(earlier.scope, scope) || (cascade && isAncestorOrSelf(scope, earlier.scope));
    }

    /** True when one of the two pointers is the other or an ancestor of it (whole reference tokens only). */
    static boolean sameBranch(String a, String b) {
        return isAncestorOrSelf(a, b) || isAncestorOrSelf(b, a);
    }

    private static boolean isAncestorOrSelf(String ancestor, String p) {
        return p.equals(ancestor) || p.startsWith(ancestor + "/");
    }
}
