package jp.iinj.portal.kpis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.iinj.portal.gateway.GatewayClient;
import jp.iinj.portal.referencedata.ClusterCatalogue;
import reactor.core.publisher.Mono;

/**
 * {@code /regional/kpis}: the region's numbers as of a day, for regional bodies (their bureaus) and administrators
 * (all), from event feeds' KPI API; the same as CSV through {@code /regional/kpis.csv}, with the person's token. The
 * charts draw what the tables beside them hold ({@code assets/kpis.js}), so every number is there as text too.
 */
@Controller
class KpiDashboardController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Pattern DAY = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    private final GatewayClient gateway;
    private final ClusterCatalogue clusters;

    KpiDashboardController(GatewayClient gateway, ClusterCatalogue clusters) {
        this.gateway = gateway;
        this.clusters = clusters;
    }

    @GetMapping("/regional/kpis")
    Mono<String> dashboard(@RequestParam(required = false) String asOf, Model model) {
        LocalDate today = LocalDate.now(JAPAN);
        model.addAttribute("today", today);
        LocalDate day = day(asOf, today);
        if (day == null) {
            model.addAttribute("asOf", asOf);
            model.addAttribute("asOfInvalid", true);
            return Mono.just("kpis/dashboard");
        }
        model.addAttribute("asOf", day.toString());
        Mono<RegionalKpis> kpis = gateway.asPerson().get()
                .uri(uri -> uri.path("/api/feeds/kpis").queryParam("asOf", day).build())
                .retrieve().bodyToMono(RegionalKpis.class);
        Mono<Map<String, ClusterCatalogue.Cluster>> named = clusters.active().map(list -> list.stream()
                .collect(Collectors.toMap(ClusterCatalogue.Cluster::id, Function.identity(), (a, b) -> a)));
        return Mono.zip(kpis, named).map(both -> {
            model.addAttribute("kpis", both.getT1());
            model.addAttribute("clusters", both.getT2());
            model.addAttribute("csv", "/regional/kpis.csv?asOf=" + day);
            return "kpis/dashboard";
        });
    }

    /** The CSV of event feeds, passed through: the person's bureaus, the person's token. */
    @GetMapping("/regional/kpis.csv")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam(required = false) String asOf) {
        LocalDate today = LocalDate.now(JAPAN);
        LocalDate day = day(asOf, today);
        if (day == null) {
            return Mono.just(ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/regional/kpis").build());
        }
        return gateway.asPerson().get()
                .uri(uri -> uri.path("/api/feeds/kpis.csv").queryParam("asOf", day).build())
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve().bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .map(csv -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("kpis-" + day + ".csv").build().toString())
                        .body(csv));
    }

    /** The day asked for, today when none; null when it is not a day up to today. */
    static LocalDate day(String asOf, LocalDate today) {
        if (asOf == null || asOf.isEmpty()) {
            return today;
        }
        if (!DAY.matcher(asOf).matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(asOf);
            return day.isAfter(today) ? null : day;
        } catch (DateTimeException notADay) {
            return null;
        }
    }
}
