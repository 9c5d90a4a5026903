package jp.iinj.gateway.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a {@link FakeService} received; also the JSON it answers with. Header names are lower case. */
public record Echo(String service, String method, String path, String query, Map<String, List<String>> headers,
                   long bodyLength) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
