package jp.iinj.gateway.authorization;

import jp.iinj.contracts.access.PlatformRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * One row of the edge's access table: requests to one of {@code paths} (Spring path patterns, e.g.
 * {@code /api/members/**}) with one of {@code methods} (empty: any) need {@code access}: {@code anonymous}
 * (anyone, with or without a token; a token that is sent must still be valid), {@code authenticated} (any valid
 * token), or a list of roles (a valid token with at least one of them).
 */
public record AccessRule(List<String> paths, List<String> methods, List<String> access) {

    public static final String ANONYMOUS = "anonymous";
    public static final String AUTHENTICATED = "authenticated";

    public AccessRule {
        paths = paths == null ? List.of() : List.copyOf(paths);
        methods = methods == null ? List.of() : methods.stream().map(method -> method.trim().toUpperCase(Locale.ROOT)).toList();
        access = access == null ? List.of() : access.stream().map(String::trim).toList();
        validate(paths, methods, access);
    }

    /** The roles this rule asks for; empty for {@code anonymous} and {@code authenticated}. */
    public List<PlatformRole> roles() {
        return isAnonymous() || isAuthenticated() ? List.of() : access.stream().map(PlatformRole::valueOf).toList();
    }

    public boolean isAnonymous() {
        return access.equals(List.of(ANONYMOUS));
    }

    public boolean isAuthenticated() {
        return access.equals(List.of(AUTHENTICATED));
    }

    ServerWebExchangeMatcher matcher() {
        String[] patterns = paths.toArray(String[]::new);
        if (methods.isEmpty()) {
            return ServerWebExchangeMatchers.pathMatchers(patterns);
        }
        List<ServerWebExchangeMatcher> perMethod = new ArrayList<>();
        for (String method : methods) {
            perMethod.add(ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(method), patterns));
        }
        return new OrServerWebExchangeMatcher(perMethod);
    }

    private static void validate(List<String> paths, List<String> methods, List<String> access) {
        if (paths.isEmpty() || paths.stream().anyMatch(path -> path == null || !path.startsWith("/"))) {
            throw new IllegalArgumentException("Access rule needs paths, each starting with '/': " + paths);
        }
        List<String> knownMethods = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
        for (String method : methods) {
            if (!knownMethods.contains(method)) {
                throw new IllegalArgumentException("Access rule for " + paths + ": unknown HTTP method " + method);
            }
        }
        if (access.isEmpty()) {
            throw new IllegalArgumentException("Access rule for " + paths + " needs access: anonymous, authenticated or roles");
        }
        boolean keyword = access.contains(ANONYMOUS) || access.contains(AUTHENTICATED);
        if (keyword && access.size() > 1) {
            throw new IllegalArgumentException("Access rule for " + paths + ": '" + ANONYMOUS + "' and '" + AUTHENTICATED
                    + "' stand alone, not in a list with roles: " + access);
        }
        if (!keyword) {
            for (String role : access) {
                if (Arrays.stream(PlatformRole.values()).noneMatch(known -> known.name().equals(role))) {
                    throw new IllegalArgumentException("Access rule for " + paths + ": unknown role '" + role
                            + "' (known: " + Arrays.toString(PlatformRole.values()) + ")");
                }
            }
        }
    }
}
