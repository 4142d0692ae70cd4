package id.rekam.core.trust;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for where a station may deliver (issue 14, "the station trusts only its server"):
 * {@code https} with a pinned key ({@code sha256/<base64 of 32 bytes>}), or plain {@code http} to
 * the machine itself (loopback: demo mode, tests). Provisioning, {@code rekam-sync enroll} and the
 * stored settings all pass through {@link #check}; nothing else builds a server address.
 */
public final class ServerAddress {

    private static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");

    /** Why an address is refused. */
    public enum Problem { NOT_A_URL, HTTP_OUTSIDE_LOOPBACK, PIN_REQUIRED, BAD_PIN }

    public static final class Refused extends IllegalArgumentException {
        private final Problem problem;

        Refused(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final URI base;
    private final String pin;

    private ServerAddress(URI base, String pin) {
        this.base = base;
        this.pin = pin;
    }

    /**
     * @param pin {@code sha256/...}; may be null or blank only for http on loopback
     * @throws Refused with the reason
     */
    public static ServerAddress check(String url, String pin) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new Refused(Problem.NOT_A_URL, "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused(Problem.NOT_A_URL, "not an http(s) URL: " + url);
        }
        String p = pin == null || pin.isBlank() ? null : pin.trim();
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new Refused(Problem.HTTP_OUTSIDE_LOOPBACK, "plain http is allowed only to this machine; "
                        + uri.getHost() + " needs https with a pinned key");
            }
            if (p != null) {
                throw new Refused(Problem.BAD_PIN, "a pin belongs to an https server");
            }
        } else if (p == null) {
            throw new Refused(Problem.PIN_REQUIRED, "https needs the server's pin (sha256/...)");
        } else if (!PIN.matcher(p).matches()) {
            throw new Refused(Problem.BAD_PIN, "a pin is sha256/ followed by 44 base64 characters");
        }
        String s = uri.toString();
        return new ServerAddress(URI.create(s.endsWith("/") ? s : s + "/"), p);
    }

    /** 127.0.0.0/8, ::1 or localhost, by name only: no name is looked up in DNS. */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!(h.matches("[0-9.]+") || h.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Base URI, ending in {@code /}. */
    public URI base() {
        return base;
    }

    /** Null for http on loopback. */
    public String pin() {
        return pin;
    }
}
