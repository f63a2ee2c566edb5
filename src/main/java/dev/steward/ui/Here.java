package dev.steward.ui;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The current page's URL without its download parameters, ready for one more parameter ("…?team=x&"). */
final class Here {

    private Here() {
    }

    static String of(UriInfo uri) {
        StringBuilder b = new StringBuilder(uri.getPath()).append('?');
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            if (e.getKey().equals("download") || e.getKey().equals("table")) {
                continue;
            }
            for (String v : e.getValue()) {
                b.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
            }
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
