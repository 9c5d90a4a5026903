package jp.iinj.memberregistry.lapse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * An administrator runs the lapse check now instead of waiting for the schedule: after changing the membership
 * terms, or where the schedule is off (the end-to-end platform lapses a member exactly when its test asks).
 */
@RestController
@Tag(name = "Membership")
public class LapseCheckController {

    private final MembershipLapseJob job;

    LapseCheckController(MembershipLapseJob job) {
        this.job = job;
    }

    /** @param lapsed how many memberships this check lapsed */
    public record LapseCheckResponse(long lapsed) {
    }

    @Operation(operationId = "runLapseCheck", summary = "Run the lapse check now",
            description = "Administrators (people) only. Lapses up to " + MembershipLapseJob.BATCH + " ACTIVE "
            + "memberships whose expiry date and grace period are past, as the scheduled job does (member-lapsed for "
            + "each); safe beside the schedule and other instances.")
    @ApiResponse(responseCode = "200", description = "Checked; how many memberships it lapsed")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @PostMapping(path = "/api/members/lapse-checks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<LapseCheckResponse> check() {
        return job.lapseDue().map(LapseCheckResponse::new);
    }
}
