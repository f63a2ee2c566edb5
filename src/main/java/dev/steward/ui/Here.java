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
        return without(uri);
    }

    /** The same, without the query parameters named (besides the download's): "…?team=x&" for a pager's links. */
    static String without(UriInfo uri, String... names) {
        List<String> dropped = List.of(names);
        StringBuilder b = new StringBuilder(uri.getPath()).append('?');
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        for (Map.Entry<String, List<String>> e : q.entrySet()) {
            if (e.getKey().equals("download") || e.getKey().equals("table") || dropped.contains(e.getKey())) {
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
