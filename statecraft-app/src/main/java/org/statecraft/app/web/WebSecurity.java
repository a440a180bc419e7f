package org.statecraft.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The web app's defences against other web pages, the model being Jupyter's local server: no page the user
 * visits elsewhere may act as the user.
 *
 * <ul>
 *   <li><b>Token.</b> A secret drawn per start (128 bits, {@link SecureRandom}) is printed in the URL that
 *   {@code serve} shows. Opening {@code /?token=T} sets it as an {@code HttpOnly; SameSite=Strict} cookie and
 *   redirects to {@code /}; every {@code /api} request must carry it, as that cookie, as {@code X-Statecraft-Token}
 *   or as {@code Authorization: token T} ({@code 401} otherwise). Compared in constant time.</li>
 *   <li><b>Host.</b> The {@code Host} header must name the bound address, {@code localhost}, {@code 127.0.0.1} or
 *   {@code [::1]} (or a name given with {@code --allow-host}) with the server's port: a DNS-rebinding page, whose
 *   requests carry its own host name, gets {@code 403}.</li>
 *   <li><b>Origin.</b> A request whose {@code Origin} is not the server's own, or whose {@code Sec-Fetch-Site} is
 *   {@code cross-site} or {@code same-site} (another port of 127.0.0.1 is the same site), is refused {@code 403}
 *   on every {@code /api} path; a state-changing request (POST, PUT, DELETE, PATCH) without an Origin must carry
 *   the token in a header, which no cross-origin form or image can set.</li>
 *   <li><b>Headers.</b> Every answer carries a Content-Security-Policy without inline script and with
 *   {@code connect-src 'self'}, {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff},
 *   {@code Referrer-Policy: no-referrer} and {@code Cache-Control: no-store} on the API.</li>
 * </ul>
 */
public final class WebSecurity {
    /** The app's pages: scripts and styles from the server only, no inline script, no framing. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";
    public static final String COOKIE = "statecraft-token";
    static final String HEADER = "X-Statecraft-Token";

    private final String token;
    private final Set<String> hosts;
    private volatile int port;

    /**
     * @param token      the secret, or null to draw one
     * @param bindHost   the address the server listens on
     * @param allowHosts more host names to accept in {@code Host} (for a non-loopback address)
     */
    public WebSecurity(String token, String bindHost, List<String> allowHosts) {
        if (token == null) {
            byte[] b = new byte[16];
            new SecureRandom().nextBytes(b);
            token = HexFormat.of().formatHex(b);
        }
        this.token = token;
        Set<String> h = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]", "::1"));
        if (!isWildcard(bindHost)) {
            h.add(bindHost.toLowerCase(Locale.ROOT));
        }
        allowHosts.forEach(a -> h.add(a.toLowerCase(Locale.ROOT)));
        this.hosts = Set.copyOf(h);
    }

    public String token() {
        return token;
    }

    void port(int p) {
        this.port = p;
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** True when {@code host} is a loopback address (127.0.0.0/8, ::1) or {@code localhost}. */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The before-handler: headers on every answer, then the Host, Origin and token checks. */
    void check(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if (!hostAllowed(ctx.header("Host"))) {
            throw new ApiError(403, "this server answers only to the host names it was started for (localhost, "
                    + "127.0.0.1 or its --host/--allow-host); the Host header named another");
        }
        String path = ctx.path();
        if (path.equals("/") && ctx.queryParam("token") != null) {
            if (!tokenMatches(ctx.queryParam("token"))) {
                throw new ApiError(401, "wrong token: open the URL that statecraft serve printed");
            }
            ctx.header("Set-Cookie", COOKIE + "-" + port + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        String origin = ctx.header("Origin");
        String site = ctx.header("Sec-Fetch-Site");
        if (origin != null && !originAllowed(origin)) {
            throw new ApiError(403, "requests from another origin are refused");
        }
        if (site != null && (site.equals("cross-site") || site.equals("same-site"))) {
            throw new ApiError(403, "requests from another site are refused");
        }
        String header = headerToken(ctx);
        boolean viaHeader = header != null && tokenMatches(header);
        boolean viaCookie = tokenMatches(ctx.cookie(COOKIE + "-" + port));
        if (!viaHeader && !viaCookie) {
            throw new ApiError(401, "no valid token: open the URL that statecraft serve printed (it carries ?token=), "
                    + "or send the token as the " + HEADER + " header");
        }
        boolean changes = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT
                || ctx.method() == HandlerType.DELETE || ctx.method() == HandlerType.PATCH;
        if (changes && origin == null && !viaHeader) {
            throw new ApiError(403, "a state-changing request needs an Origin header or the token in the " + HEADER + " header");
        }
    }

    private static String headerToken(Context ctx) {
        String h = ctx.header(HEADER);
        if (h != null) {
            return h;
        }
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "token ", 0, 6)) {
            return auth.substring(6).trim();
        }
        return null;
    }

    boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    boolean hostAllowed(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        String p;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return false;
            }
            name = h.substring(0, end + 1);
            p = h.length() > end + 1 && h.charAt(end + 1) == ':' ? h.substring(end + 2) : null;
        } else {
            int c = h.lastIndexOf(':');
            name = c < 0 ? h : h.substring(0, c);
            p = c < 0 ? null : h.substring(c + 1);
        }
        int given = p == null ? 80 : parsePort(p);
        return given == port && hosts.contains(name);
    }

    boolean originAllowed(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.startsWith("http://") && hostAllowed(o.substring(7));
    }

    private static int parsePort(String p) {
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
