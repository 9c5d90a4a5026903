package jp.iinj.portal.matching;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** For templates: the API's instants as dates and times in Japan ({@code ${@matchingTimes.date(at)}}). */
@Component("matchingTimes")
public class MatchingTimes {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String date(Instant at) {
        return at == null ? "—" : DATE.format(at.atZone(JAPAN));
    }

    public String dateTime(Instant at) {
        return at == null ? "—" : DATE_TIME.format(at.atZone(JAPAN));
    }
}
